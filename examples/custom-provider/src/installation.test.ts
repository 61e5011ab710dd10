import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { integrationKey } from './__fixtures__/canary-keys';
import { temporaryPath } from './__fixtures__/temporary-directory';

const workspace = fileURLToPath(new URL('../../../', import.meta.url));
const host = fileURLToPath(new URL('./__fixtures__/installation-host.mjs', import.meta.url));

/** Copies a built package (package.json and dist) to `node_modules/<name>` of `root`. */
async function install(root: string, name: string, source: string): Promise<void> {
  const dist = join(workspace, source, 'dist');
  if (!existsSync(dist)) {
    throw new Error(
      `${dist} does not exist: build ${source} first (npx tsup; turbo builds before testing)`,
    );
  }
  const target = join(root, 'node_modules', name);
  await mkdir(target, { recursive: true });
  await cp(join(workspace, source, 'package.json'), join(target, 'package.json'));
  await cp(dist, join(target, 'dist'), { recursive: true });
}

function runNode(
  script: string,
  environment: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? '', ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('an installation next to @fromsecret/core', () => {
  it('is loaded by its type string alone, through the registry and the resolver', async () => {
    const root = dirname(await temporaryPath('package.json'));
    await writeFile(join(root, 'package.json'), '{ "type": "module", "private": true }\n');
    await install(root, '@fromsecret/core', 'packages/core');
    await install(root, 'fromsecret-provider-encrypted-file', 'examples/custom-provider');
    const script = join(root, 'host.mjs');
    await cp(host, script);

    const run = await runNode(script, { SEALED_FILE_KEY: integrationKey });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output).toEqual({
      typesBeforeLoad: ['azure_key_vault', 'infisical', 'vault'],
      typesAfterLoad: ['azure_key_vault', 'encrypted_file', 'infisical', 'vault'],
      loaded: { type: 'encrypted_file', displayName: 'Encrypted secrets file (AES-256-GCM)' },
      connection: 'Connection test successful',
      value: 'resolved from the sealed file',
      record: { path: 'crow/myapp', key: 'api_key' },
      requiredType: 'encrypted_file',
    });
    expect(run.stdout).not.toContain(integrationKey);
  });
});

import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { integrationKey } from './__fixtures__/canary-keys';
import { temporaryPath } from './__fixtures__/temporary-directory';
import { sealSecretFile } from './seal-secret-file';

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

/** Links `node_modules/<name>` of `root` to a folder of this workspace, as pnpm does. */
async function link(root: string, name: string, source: string): Promise<void> {
  const target = join(root, 'node_modules', name);
  await mkdir(dirname(target), { recursive: true });
  await symlink(realpathSync(join(workspace, source)), target, 'dir');
}

function runNode(
  args: readonly string[],
  environment: Record<string, string>,
  cwd?: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
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

    const run = await runNode([script], { SEALED_FILE_KEY: integrationKey });
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

/**
 * The fromsecret CLI installed on its own (as `npm install -g` or `npx` leaves it: its own
 * dependencies beside it, and never this provider), and a project that installed the provider.
 * Returns the CLI's binary and the project's folder.
 */
async function installCliAndProject(): Promise<{ binary: string; project: string }> {
  const root = dirname(await temporaryPath('cli'));
  const cli = join(root, 'cli');
  await install(cli, '@fromsecret/cli', 'packages/cli');
  await install(cli, '@fromsecret/core', 'packages/core');
  await link(cli, 'yaml', 'packages/cli/node_modules/yaml');
  for (const name of ['vault', 'azure-key-vault', 'infisical']) {
    // Linked, so that each finds its store SDK in the workspace's node_modules.
    await link(cli, `@fromsecret/${name}`, `packages/${name}`);
  }
  const project = join(root, 'project');
  await install(project, '@fromsecret/core', 'packages/core');
  await install(project, 'fromsecret-provider-encrypted-file', 'examples/custom-provider');
  await writeFile(join(project, 'package.json'), '{ "private": true }\n');
  const secrets = sealSecretFile({
    keys: [integrationKey],
    secrets: [{ path: 'crow/myapp', versions: [{ api_key: 'CANARY-VALUE-FROM-THE-FILE-7f3a' }] }],
  });
  await writeFile(join(project, 'secrets.sealed.json'), secrets);
  await writeFile(
    join(project, 'integrations.yml'),
    `integrations:\n  - id: 7\n    name: sealed\n    type: encrypted_file\n    config: { file: ${JSON.stringify(join(project, 'secrets.sealed.json'))}, key: "\${SEALED_FILE_KEY}" }\n    allow: { repos: [acme/app] }\n`,
  );
  await writeFile(
    join(project, 'pipeline.yml'),
    'steps:\n  - name: deploy\n    environment:\n      API_KEY: { from_secret: { integration: sealed, path: crow/myapp, key: api_key } }\n',
  );
  return { binary: join(cli, 'node_modules/@fromsecret/cli/dist/bin.js'), project };
}

describe('the fromsecret CLI, installed apart from the project that installed the provider', () => {
  it('tests, lists and resolves encrypted_file integrations when run in the project', async () => {
    const { binary, project } = await installCliAndProject();
    const environment = { SEALED_FILE_KEY: integrationKey };
    const fromsecret = (...args: string[]) => runNode([binary, ...args], environment, project);

    const test = await fromsecret('test', 'sealed', '--integrations', 'integrations.yml');
    expect([test.status, test.stdout]).toEqual([0, 'Connection test successful\n']);
    expect(test.stderr).toMatch(/^sealed \(#7, encrypted_file\): \d+ ms\n$/);

    const providers = await fromsecret('providers', '--integrations', 'integrations.yml');
    expect(providers.status).toBe(0);
    expect(providers.stdout).toContain('encrypted_file: Encrypted secrets file (AES-256-GCM)\n');
    expect(providers.stdout).toMatch(/\n {2}key +string +required, secret +/);

    const resolve = await fromsecret(
      ...['resolve', 'pipeline.yml', '--integrations', 'integrations.yml', '--format', 'json'],
      ...['--repo', 'acme/app', '--user', 'alice', '--org', 'acme'],
    );
    expect(resolve.status).toBe(0);
    expect(JSON.parse(resolve.stdout).steps[0].environment).toEqual({ API_KEY: '********' });
    expect(resolve.stderr).toContain('path crow/myapp key api_key');
    for (const run of [test, providers, resolve]) {
      expect(run.stdout + run.stderr).not.toContain(integrationKey);
      expect(run.stdout + run.stderr).not.toContain('CANARY-VALUE-FROM-THE-FILE-7f3a');
    }
  });

  it('finds no provider outside the project, and says where it looked', async () => {
    const { binary, project } = await installCliAndProject();
    const outside = dirname(dirname(binary));
    const run = await runNode(
      [binary, 'providers', '--integrations', join(project, 'integrations.yml'), '--json'],
      {},
      outside,
    );
    expect(run.status).toBe(1);
    const [error] = JSON.parse(run.stdout).errors;
    expect(error.code).toBe('UNKNOWN_PROVIDER_TYPE');
    expect(error.message).toContain('no package "fromsecret-provider-encrypted-file" is installed');
    expect(error.message).toContain(`and from the working directory (${outside})`);
  });
});

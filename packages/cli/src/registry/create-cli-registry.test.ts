import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { createProviderRegistry } from '@fromsecret/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { writeProviderPackage } from '../test-support/provider-package';
import { BINARY, createWorkspace, spawnCli } from '../test-support/spawn-cli';

// The built binary lives in this repository, where none of these packages is installed: each
// run below finds them only through the working directory, as with a global install or pnpm.
const workspace = createWorkspace();
const empty = createWorkspace();
afterAll(() => {
  workspace.remove();
  empty.remove();
});
const project = realpathSync(workspace.directory);
const elsewhere = realpathSync(empty.directory);
const TOKEN = 'CANARY-ACME-TOKEN-7f3a';

writeProviderPackage(project, '@acme/fromsecret-store', { type: 'acme_store' });
writeProviderPackage(project, 'fromsecret-provider-plain-store', { type: 'plain_store' });
writeProviderPackage(project, 'fromsecret-provider-broken', {
  type: 'broken',
  preamble: "throw new Error('the provider module failed to start');",
});
writeProviderPackage(project, 'fromsecret-provider-half-installed', {
  type: 'half_installed',
  preamble: "import 'its-missing-dependency';",
});

function integrationsFile(name: string, types: readonly string[], providers = ''): string {
  const entries = types.map(
    (type, index) =>
      `  - { id: ${index + 1}, name: ${type}, type: ${type}, config: { token: "\${ACME_TOKEN}" }, allow: { repos: [acme/app] } }\n`,
  );
  return workspace.write(name, `${providers}integrations:\n${entries.join('')}`);
}

const scoped = integrationsFile(
  'scoped.yml',
  ['acme_store'],
  'providers:\n  acme_store: "@acme/fromsecret-store"\n',
);

async function listedTypes(args: string[], cwd = project): Promise<string[]> {
  const run = await spawnCli(['providers', ...args, '--json'], { cwd });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout).providers.map((provider: { type: string }) => provider.type);
}

describe('third-party providers in the working directory', () => {
  it('lists a scoped package mapped by the file, without its credentials set', async () => {
    expect(await listedTypes(['--integrations', scoped])).toEqual([
      'acme_store',
      'azure_key_vault',
      'infisical',
      'vault',
    ]);
  });

  it('lists a type mapped by --provider-package, and one the file uses by its conventional name', async () => {
    const flag = ['--provider-package', 'acme_store=@acme/fromsecret-store'];
    expect(await listedTypes(flag)).toContain('acme_store');
    const plain = integrationsFile('plain.yml', ['plain_store']);
    expect(await listedTypes(['--integrations', plain])).toContain('plain_store');
    expect(await listedTypes([])).toEqual(['azure_key_vault', 'infisical', 'vault']);
  });

  it('tests and resolves through a scoped ESM-only package', async () => {
    const environment = { ACME_TOKEN: TOKEN };
    const test = await spawnCli(['test', 'acme_store', '--integrations', scoped], {
      cwd: project,
      environment,
    });
    expect([test.status, test.stdout]).toEqual([0, 'Connection test successful\n']);
    workspace.write(
      'pipeline.yml',
      'steps:\n  - name: deploy\n    environment:\n      KEY: { from_secret: { integration: acme_store, path: p, key: value } }\n',
    );
    const resolve = await spawnCli(
      [
        'resolve',
        'pipeline.yml',
        '--integrations',
        scoped,
        '--repo',
        'acme/app',
        '--user',
        'u',
        '--org',
        'o',
        '--format',
        'json',
      ],
      { cwd: project, environment },
    );
    expect(resolve.status).toBe(0);
    expect(JSON.parse(resolve.stdout).steps[0].environment.KEY).toBe('********');
    expect(test.stdout + test.stderr + resolve.stdout + resolve.stderr).not.toContain(TOKEN);
  });

  it('says where it looked when the package is in neither place', async () => {
    const run = await spawnCli(['providers', '--integrations', join(project, scoped)], {
      cwd: elsewhere,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `scoped.yml:4:38: PROVIDER_NOT_INSTALLED: Provider type "acme_store" needs the package "@acme/fromsecret-store", which is not installed;`,
    );
    expect(run.stderr).toContain(
      ` fromsecret looked for the package from its own installation (${join(BINARY, '..')}/) and from the working directory (${elsewhere}), in the node_modules folder of each and of every parent directory.`,
    );
    const unknown = integrationsFile('unknown.yml', ['acme_unknown']);
    const message = JSON.parse(
      (await spawnCli(['providers', '--integrations', unknown, '--json'], { cwd: project })).stdout,
    ).errors[0].message;
    expect(message).toMatch(
      /^No provider is registered for type "acme_unknown", .* no package "fromsecret-provider-acme-unknown" is installed\./,
    );
    expect(message).toContain(`and from the working directory (${project}),`);
    expect(message).toMatch(/--provider-package acme_unknown=<package>\.$/);
  });

  it('keeps INVALID_PROVIDER for a package that is installed but fails to load', async () => {
    const broken = integrationsFile('broken.yml', ['broken', 'half_installed']);
    const run = await spawnCli(['providers', '--integrations', broken, '--json'], { cwd: project });
    expect(run.status).toBe(1);
    const errors = JSON.parse(run.stdout).errors;
    expect(errors.map((error: { code: string }) => error.code)).toEqual([
      'INVALID_PROVIDER',
      'INVALID_PROVIDER',
    ]);
    expect(errors[0].message).toContain('the provider module failed to start');
    expect(errors[1].message).toContain('its-missing-dependency');
    expect(errors[0].message).not.toContain('looked for');
  });

  it('refuses a mapping the file and --provider-package disagree on, and malformed flags', async () => {
    const conflict = await spawnCli(
      ['providers', '--integrations', scoped, '--provider-package', 'acme_store=@other/store'],
      { cwd: project },
    );
    expect(conflict.status).toBe(1);
    expect(conflict.stderr).toContain(
      'scoped.yml:2:15: INVALID_INTEGRATIONS_FILE: The integrations file maps provider type "acme_store" to "@acme/fromsecret-store", but --provider-package maps it to "@other/store"',
    );
    const malformed = await spawnCli(['providers', '--provider-package', 'vault=./vault.js'], {
      cwd: project,
    });
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('--provider-package: "vault" is built in');
  });

  it('refuses to map types when a host passes its own registry', async () => {
    const written = { stdout: '', stderr: '' };
    const status = await runCli(['providers', '--integrations', scoped], {
      cwd: project,
      stdout: { write: (text: string) => (written.stdout += text) },
      stderr: { write: (text: string) => (written.stderr += text) },
      registry: createProviderRegistry(),
    });
    expect(status).toBe(2);
    expect(written.stderr).toContain('provider types cannot be mapped to packages (acme_store)');
  });
});

describe('the integrations file JSON Schema with a third-party provider', () => {
  it('describes the settings of the types the file uses', async () => {
    const run = await spawnCli(['schema', '--integrations', scoped], { cwd: project });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).definitions.config_acme_store).toMatchObject({
      required: ['token'],
      additionalProperties: false,
    });
  });
});

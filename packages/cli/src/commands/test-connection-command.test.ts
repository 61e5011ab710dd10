// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the integrations files use the ${NAME} syntax.

import { createAzureKeyVaultDefinition } from '@fromsecret/azure-key-vault';
import { createProviderRegistry } from '@fromsecret/core';
import {
  type AzureKeyVaultEmulator,
  type InfisicalEmulator,
  startAzureKeyVaultEmulator,
  startInfisicalEmulator,
  type VaultEmulator,
} from '@fromsecret/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { type CliRun, createWorkspace, spawnCli } from '../test-support/spawn-cli';
import {
  CREDENTIAL_ENVIRONMENT,
  CREDENTIALS,
  startSeededVault,
  writeIntegrationFiles,
} from '../test-support/vault-fixture';

const INFISICAL_SECRET = 'CANARY-INFISICAL-CLIENT-SECRET-cli-7f3a';
const AZURE_SECRET = 'CANARY-AZURE-CLIENT-SECRET-cli-7f3a';
const AZURE_CLIENT = '11111111-2222-4333-8444-555555555555';
const workspace = createWorkspace();
const cwd = workspace.directory;
const runs: CliRun[] = [];
let vault: VaultEmulator;
let infisical: InfisicalEmulator;

async function test(args: string[], environment: Record<string, string> = CREDENTIAL_ENVIRONMENT) {
  const run = await spawnCli(['test', ...args], { cwd, environment });
  runs.push(run);
  return run;
}

beforeAll(async () => {
  vault = await startSeededVault();
  writeIntegrationFiles(workspace, vault);
  infisical = await startInfisicalEmulator({
    identities: [
      { clientId: 'identity-cli', clientSecret: INFISICAL_SECRET, projects: ['project-1'] },
    ],
  });
  workspace.write(
    'infisical.yml',
    `integrations:\n  - id: 7\n    name: infisical-prod\n    type: infisical\n    config: { siteUrl: "${infisical.url}", clientId: identity-cli, clientSecret: "\${INFISICAL_SECRET}", projectId: project-1, environment: prod }\n`,
  );
});
afterAll(async () => {
  await Promise.all([vault.close(), infisical.close()]);
  workspace.remove();
});

describe('fromsecret test against the Vault emulator', () => {
  it('prints exactly "Connection test successful" and exits 0, by name or by id', async () => {
    const results = await Promise.all(
      ['vault-prod', 'VAULT-PROD', '1'].map((integration) =>
        test([integration, '--integrations', 'integrations.yml']),
      ),
    );
    for (const run of results)
      expect([run.status, run.stdout]).toEqual([0, 'Connection test successful\n']);
    expect(vault.log.entries.map((entry) => entry.operation)).toContain('login');
  });

  it('answers --json with the integration, the message and the duration', async () => {
    const run = await test(['vault-prod', '--integrations', 'integrations.yml', '--json']);
    const body = JSON.parse(run.stdout);
    expect(body).toMatchObject({
      ok: true,
      integration: { id: 1, name: 'vault-prod', type: 'vault' },
      message: 'Connection test successful',
    });
    expect(typeof body.durationMs).toBe('number');
    expect(run.stderr).toBe('');
  });

  it('accepts test-connection as the command name', async () => {
    const run = await spawnCli(
      ['test-connection', 'vault-prod', '--integrations', 'integrations.yml'],
      { cwd, environment: CREDENTIAL_ENVIRONMENT },
    );
    runs.push(run);
    expect(run.stdout).toBe('Connection test successful\n');
  });

  it('fails with the error and its fix (exit 1) when the credentials are wrong', async () => {
    const run = await test(['vault-prod', '--integrations', 'integrations.yml'], {
      ...CREDENTIAL_ENVIRONMENT,
      VAULT_SECRET_ID: 'CANARY-WRONG-SECRET-ID-cli-7f3a',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^fromsecret: AUTHENTICATION_FAILED: /);
    expect(run.stderr).toMatch(/roleId|secretId/);
    expect(run.stderr).not.toContain('CANARY-WRONG-SECRET-ID');
    const json = JSON.parse(
      (
        await test(['vault-prod', '--integrations', 'integrations.yml', '--json'], {
          ...CREDENTIAL_ENVIRONMENT,
          VAULT_SECRET_ID: 'CANARY-WRONG-SECRET-ID-cli-7f3a',
        })
      ).stdout,
    );
    expect(json).toMatchObject({
      ok: false,
      errors: [
        { name: 'SecretError', code: 'AUTHENTICATION_FAILED', integration: { name: 'vault-prod' } },
      ],
    });
  });

  it('fails with UNREACHABLE when nothing listens', async () => {
    workspace.write(
      'unreachable.yml',
      'integrations:\n  - { id: 1, name: gone, type: vault, config: { address: "http://127.0.0.1:9", roleId: a, secretId: b } }\n',
    );
    const run = await test(['gone', '--integrations', 'unreachable.yml']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^fromsecret: UNREACHABLE: /);
  });

  it('names the integrations the file defines when the argument matches none', async () => {
    const run = await test(['vault-prd', '--integrations', 'integrations.yml']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'fromsecret: INTEGRATION_NOT_FOUND: No integration in integrations.yml has the id or name "vault-prd"; it defines vault-prod (#1). Did you mean vault-prod?\n',
    );
  });
});

describe('fromsecret test against the Infisical emulator', () => {
  it('succeeds with the right client secret and fails with a wrong one', async () => {
    const good = await test(['infisical-prod', '--integrations', 'infisical.yml'], {
      INFISICAL_SECRET,
    });
    expect([good.status, good.stdout]).toEqual([0, 'Connection test successful\n']);
    const bad = await test(['7', '--integrations', 'infisical.yml'], {
      INFISICAL_SECRET: 'CANARY-WRONG-INFISICAL-cli-7f3a',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^fromsecret: AUTHENTICATION_FAILED: /);
    expect(bad.stdout + bad.stderr).not.toContain('CANARY');
  });
});

describe('fromsecret test against the Azure Key Vault emulator, embedded', () => {
  let azure: AzureKeyVaultEmulator;
  beforeAll(async () => {
    azure = await startAzureKeyVaultEmulator({
      principals: [{ clientId: AZURE_CLIENT, clientSecret: AZURE_SECRET }],
    });
    workspace.write(
      'azure.yml',
      `integrations:\n  - id: 3\n    name: azure-prod\n    type: azure_key_vault\n    config: { vaultUrl: "${azure.vaultUrl}", authorityHost: "${azure.authorityHost}", tenantId: "${azure.tenantId}", clientId: "${AZURE_CLIENT}", clientSecret: "\${AZURE_SECRET}" }\n`,
    );
  });
  afterAll(() => azure.close());

  // The Azure SDK only talks to an emulator through a definition built with its CA, which no
  // integration setting can reach: the command runs in process, through runCli's registry.
  async function embedded(secret: string) {
    const written = { stdout: '', stderr: '' };
    const status = await runCli(['test', 'azure-prod', '--integrations', 'azure.yml'], {
      cwd,
      environment: { AZURE_SECRET: secret },
      stdout: { write: (text: string) => (written.stdout += text) },
      stderr: { write: (text: string) => (written.stderr += text) },
      registry: createProviderRegistry({
        providers: [createAzureKeyVaultDefinition({ emulator: { caCert: azure.caCert } })],
      }),
    });
    return { status, ...written };
  }

  it('prints "Connection test successful", or the error without the secret', async () => {
    expect(await embedded(AZURE_SECRET)).toMatchObject({
      status: 0,
      stdout: 'Connection test successful\n',
    });
    const failed = await embedded('CANARY-WRONG-AZURE-SECRET-cli-7f3a');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^fromsecret: AUTHENTICATION_FAILED: /);
    expect(failed.stdout + failed.stderr).not.toContain('CANARY');
  });
});

describe('every test run', () => {
  it('printed no credential', () => {
    expect(runs.length).toBeGreaterThan(8);
    for (const run of runs) {
      for (const credential of [...CREDENTIALS, INFISICAL_SECRET, AZURE_SECRET])
        expect(run.stdout + run.stderr).not.toContain(credential);
    }
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the integrations files use the ${NAME} syntax.
import type { VaultEmulator } from '@fromsecret/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, createWorkspace, spawnCli } from '../test-support/spawn-cli';
import {
  CREDENTIAL_ENVIRONMENT,
  CREDENTIALS,
  INTERNAL_TOKEN,
  ROLE_ID,
  SECRET_ID,
  STORED,
  startSeededVault,
  writeIntegrationFiles,
} from '../test-support/vault-fixture';

// Every error path of the CLI, driven with canary credentials and values: no output may hold
// one, and only --reveal prints values.
const WRONG_SECRET_ID = 'CANARY-WRONG-SECRET-ID-cli-55e0';
const PASTED = 'CANARY-PASTED-INTO-A-REFERENCE-cli-1b9d';
const VALUES = [...Object.values(STORED), INTERNAL_TOKEN];
const FORBIDDEN = [...CREDENTIALS, WRONG_SECRET_ID, PASTED, ...VALUES];
// Vault tokens the emulator issues (hvs.<random>): none may be printed either.
const VAULT_TOKEN = /hvs\.[A-Za-z0-9]{16,}/;

const workspace = createWorkspace();
const cwd = workspace.directory;
const ACCESS = ['--repo', 'acme/app', '--user', 'alice', '--org', 'acme'];
let vault: VaultEmulator;

function pipeline(environment: Record<string, string>): string {
  const lines = Object.entries(environment).map(([name, value]) => `      ${name}: ${value}`);
  return ['steps:', '  - name: deploy', '    environment:', ...lines, ''].join('\n');
}

/** A pipeline with one reference that resolves and one that fails, and an internal one. */
const PARTIAL = pipeline({
  GOOD: '{ from_secret: { integration: vault-prod, path: crow/app, key: api_key } }',
  TOKEN: '{ from_secret: my_token }',
  BAD: '{ from_secret: { integration: vault-prod, path: crow/app, key: absent } }',
});

async function run(args: string[], environment = CREDENTIAL_ENVIRONMENT): Promise<CliRun> {
  return spawnCli(args, { cwd, environment });
}

function resolveArgs(file: string, extra: string[] = []): string[] {
  return [
    'resolve',
    file,
    '--integrations',
    'integrations.yml',
    '--secrets',
    'secrets.yml',
    ...ACCESS,
    ...extra,
  ];
}

function expectClean(result: CliRun, allowed: readonly string[] = []): void {
  const output = result.stdout + result.stderr;
  for (const secret of FORBIDDEN.filter((each) => !allowed.includes(each))) {
    expect(output.includes(secret), `the output holds canary #${FORBIDDEN.indexOf(secret)}`).toBe(
      false,
    );
  }
  expect(output).not.toMatch(VAULT_TOKEN);
}

function echoBody(): object {
  const echoed = [ROLE_ID, SECRET_ID, INTERNAL_TOKEN];
  return { errors: [`request from ${echoed.join(' / ')} failed`, ...echoed] };
}

beforeAll(async () => {
  vault = await startSeededVault();
  writeIntegrationFiles(workspace, vault);
  workspace.write('partial.yml', PARTIAL);
  workspace.write(
    'good.yml',
    pipeline({
      GOOD: '{ from_secret: { integration: 1, path: crow/app, key: api_key } }',
      TOKEN: '{ from_secret: my_token }',
    }),
  );
  workspace.write(
    'pasted.yml',
    pipeline({
      A: `{ from_secret: " ${PASTED}" }`,
      B: `{ from_secret: { integration: vault-prod, path: "${PASTED}\\n", key: k } }`,
      C: `{ from_secret: { integration: vault-prod, path: p, key: k, version: " ${PASTED}" } }`,
    }),
  );
  workspace.write(
    'bad-settings.yml',
    `integrations:\n  - id: 1\n    name: vault-prod\n    type: vault\n    config: { address: "not a url", roleId: "\${VAULT_ROLE_ID}", secretId: "\${VAULT_SECRET_ID}", kvVersion: 7 }\n    allow: { users: [], orgs: [acme], repos: [] }\n`,
  );
});
afterAll(async () => {
  await vault.close();
  workspace.remove();
});

describe('CLI output on every error path holds no canary', () => {
  it('a wrong secret id: resolve as text, test as JSON', async () => {
    const environment = { ...CREDENTIAL_ENVIRONMENT, VAULT_SECRET_ID: WRONG_SECRET_ID };
    const results = await Promise.all([
      run(resolveArgs('good.yml'), environment),
      run(['test', 'vault-prod', '--integrations', 'integrations.yml', '--json'], environment),
    ]);
    for (const result of results) {
      expect(result.status).toBe(1);
      expect(result.stdout + result.stderr).toMatch(/AUTHENTICATION_FAILED/);
      expectClean(result);
    }
  });

  it('a resolution where one reference fails and others were read, as text and JSON', async () => {
    const results = await Promise.all([
      run(resolveArgs('partial.yml')),
      run(resolveArgs('partial.yml', ['--json'])),
    ]);
    for (const result of results) {
      expect(result.status).toBe(1);
      expect(result.stdout + result.stderr).toMatch(/KEY_NOT_FOUND/);
      expectClean(result);
    }
  });

  it.each([
    ['login', 400],
    ['read', 403],
    ['read', 500],
  ])('a store that echoes credentials and values in a %s error (%i)', async (operation, status) => {
    vault.faults.inject({ kind: 'status', status, body: echoBody() }, { operation, times: 3 });
    try {
      const result = await run(resolveArgs('good.yml', ['--json']));
      expect(result.status).toBe(1);
      expectClean(result);
    } finally {
      vault.faults.clear();
    }
  });

  it('a read the policy denies, and a path that does not exist', async () => {
    vault.setPolicy('reader', { 'secret/data/elsewhere/*': ['read'] });
    try {
      const denied = await run(resolveArgs('good.yml'));
      expect(denied.stderr).toMatch(/PERMISSION_DENIED/);
      expectClean(denied);
    } finally {
      vault.setPolicy('reader', { 'secret/data/crow/*': ['read'] });
    }
    workspace.write(
      'missing.yml',
      pipeline({ A: '{ from_secret: { integration: 1, path: crow/none, key: k } }' }),
    );
    const missing = await run(resolveArgs('missing.yml', ['--json']));
    expect(missing.stdout).toMatch(/SECRET_NOT_FOUND/);
    expectClean(missing);
  });

  it('settings that are invalid, with the credentials filled in', async () => {
    const results = await Promise.all([
      run(['resolve', 'good.yml', '--integrations', 'bad-settings.yml', ...ACCESS]),
      run(['test', 'vault-prod', '--integrations', 'bad-settings.yml', '--json']),
    ]);
    for (const result of results) {
      expect(result.stdout + result.stderr).toMatch(/INVALID_CONFIG/);
      expectClean(result);
    }
  });

  it('references a secret was pasted into, offline and while resolving', async () => {
    const results = await Promise.all([
      run(['check', 'pasted.yml', '--json']),
      run(resolveArgs('pasted.yml')),
    ]);
    for (const result of results) {
      expect(result.status).toBe(1);
      expectClean(result);
    }
  });

  it('only --reveal prints the values, and never a credential', async () => {
    const [masked, revealed] = await Promise.all([
      run(resolveArgs('good.yml', ['--format', 'env'])),
      run(resolveArgs('good.yml', ['--format', 'env', '--reveal'])),
    ]);
    expect(masked.status).toBe(0);
    expectClean(masked);
    expect(revealed.stdout).toContain(STORED.api_key);
    expect(revealed.stdout).toContain(INTERNAL_TOKEN);
    expectClean(revealed, [STORED.api_key, INTERNAL_TOKEN]);
  });
});

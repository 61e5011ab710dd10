import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { VaultEmulator } from '@fromsecret/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type CliRun, createWorkspace, spawnCli } from '../test-support/spawn-cli';
import {
  CREDENTIAL_ENVIRONMENT,
  CREDENTIALS,
  INTERNAL_TOKEN,
  STORED,
  startSeededVault,
  writeIntegrationFiles,
} from '../test-support/vault-fixture';

const workspace = createWorkspace();
const cwd = workspace.directory;
let vault: VaultEmulator;
const runs: CliRun[] = [];

const PIPELINE = [
  'steps:', // 1
  '  - name: deploy', // 2
  '    image: alpine', // 3
  `    commands: [ "echo ${STORED.api_key}" ]`, // 4
  '    environment:', // 5
  '      API_KEY:', // 6
  '        from_secret: { integration: vault-prod, path: crow/app, key: api_key }', // 7
  '      MULTI:', // 8
  '        from_secret: { integration: 1, path: crow/app, key: multi }', // 9
  '      QUOTED: { from_secret: { integration: vault-prod, path: crow/app, key: quote } }', // 10
  '      TOKEN: { from_secret: my_token }', // 11
  '      PLAIN: hello world', // 12
  '',
].join('\n');

const ACCESS = ['--repo', 'acme/app', '--user', 'alice', '--org', 'acme'];

async function resolve(
  extra: string[],
  options: { pipeline?: string; environment?: Record<string, string> } = {},
) {
  const run = await spawnCli(
    [
      'resolve',
      options.pipeline ?? 'pipeline.yml',
      '--integrations',
      'integrations.yml',
      '--secrets',
      'secrets.yml',
      ...ACCESS,
      ...extra,
    ],
    { cwd, environment: options.environment ?? CREDENTIAL_ENVIRONMENT },
  );
  runs.push(run);
  return run;
}

function expectNoValue(run: CliRun): void {
  for (const value of [...Object.values(STORED), INTERNAL_TOKEN, 'line two', 'CANARY']) {
    expect(run.stdout + run.stderr).not.toContain(value);
  }
}

beforeAll(async () => {
  vault = await startSeededVault();
  writeIntegrationFiles(workspace, vault);
  workspace.write('pipeline.yml', PIPELINE);
});
afterAll(async () => {
  await vault.close();
  workspace.remove();
});

describe('fromsecret resolve, values masked', () => {
  it('prints the pipeline as YAML with ******** at each reference and inside other text', async () => {
    const run = await resolve([]);
    expect(run.status).toBe(0);
    const printed = parse(run.stdout);
    expect(printed.steps[0].environment).toEqual({
      API_KEY: '********',
      MULTI: '********',
      QUOTED: '********',
      TOKEN: '********',
      PLAIN: 'hello world',
    });
    expect(printed.steps[0].commands).toEqual(['echo ********']);
    expectNoValue(run);
  });

  it('lists the records on stderr: integration, path, key, version, shared, time', async () => {
    const run = await resolve([]);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('Resolved 4 references:');
    expect(lines[1]).toMatch(
      /^ {2}deploy: environment API_KEY <- vault-prod \(#1, vault\) path crow\/app key api_key version latest \(store version 1\), shared, at \d{4}-\d\d-\d\dT[\d:.]+Z$/,
    );
    expect(lines[4]).toMatch(/^ {2}deploy: environment TOKEN <- internal secret my_token, at /);
  });

  it('prints JSON with --format json, and NAME=value lines with --format env', async () => {
    const json = await resolve(['--format', 'json']);
    expect(JSON.parse(json.stdout).steps[0].environment.MULTI).toBe('********');
    const env = await resolve(['--format', 'env']);
    expect(env.stdout).toBe(
      "# step: deploy\nAPI_KEY='********'\nMULTI='********'\nQUOTED='********'\nTOKEN='********'\nPLAIN='hello world'\n",
    );
    expectNoValue(json);
    expectNoValue(env);
  });

  it('prints one object with --json: the masked pipeline, the records and the warnings', async () => {
    const run = await resolve(['--json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const body = JSON.parse(run.stdout);
    expect(Object.keys(body)).toEqual(['ok', 'pipeline', 'records', 'warnings']);
    expect(body.ok).toBe(true);
    expect(body.pipeline.steps[0].environment.API_KEY).toBe('********');
    expect(body.records[0]).toMatchObject({
      kind: 'external',
      integration: { id: 1, name: 'vault-prod', type: 'vault' },
      path: 'crow/app',
      key: 'api_key',
      shared: true,
      location: { pointer: '/steps/0/environment/API_KEY', step: 'deploy' },
    });
    expect(body.records[0].time).toBe(new Date(body.records[0].resolvedAt).toISOString());
    expectNoValue(run);
  });

  it('draws no progress line when stderr is piped, even for a slow store', async () => {
    vault.setLatency(600);
    const run = await resolve([]).finally(() => vault.setLatency(0));
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toContain('\u001b[');
    expect(run.stderr).not.toContain('Resolving 4 references');
  });
});

describe('fromsecret resolve --reveal', () => {
  it('prints the exact values in YAML and JSON, and still never a credential', async () => {
    const yaml = parse((await resolve(['--reveal'])).stdout);
    expect(yaml.steps[0].environment).toEqual({
      API_KEY: STORED.api_key,
      MULTI: STORED.multi,
      QUOTED: STORED.quote,
      TOKEN: INTERNAL_TOKEN,
      PLAIN: 'hello world',
    });
    const json = JSON.parse((await resolve(['--json', '--reveal'])).stdout);
    expect(json.pipeline.steps[0].environment.MULTI).toBe(STORED.multi);
  });

  it('writes env lines that bash and a dotenv reader read back exactly, warning where dotenv cannot', async () => {
    const run = await resolve(['--format', 'env', '--reveal']);
    expect(run.status).toBe(0);
    const file = workspace.write('build.env', run.stdout);
    const script =
      'set -eu; . "$1"; printf "%s\\0" "$API_KEY" "$MULTI" "$QUOTED" "$TOKEN" "$PLAIN"';
    const sourced = execFileSync('bash', ['-c', script, 'bash', join(cwd, file)], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(sourced.split('\0').slice(0, -1)).toEqual([
      STORED.api_key,
      STORED.multi,
      STORED.quote,
      INTERNAL_TOKEN,
      'hello world',
    ]);
    const dotenv = parseEnv(run.stdout);
    expect([dotenv.API_KEY, dotenv.MULTI, dotenv.TOKEN, dotenv.PLAIN]).toEqual([
      STORED.api_key,
      STORED.multi,
      INTERNAL_TOKEN,
      'hello world',
    ]);
    expect(run.stderr).toContain('warning: The value of QUOTED (step deploy) mixes a single quote');
    expect(run.stderr).not.toContain('CANARY');
  });
});

describe('fromsecret resolve failures', () => {
  it('fails with every failing reference at its position, and exits 1', async () => {
    workspace.write(
      'missing.yml',
      'steps:\n  - name: a\n    environment:\n      A: { from_secret: { integration: vault-prod, path: crow/nothing, key: k } }\n      B: { from_secret: { integration: nope, path: crow/app, key: api_key } }\n',
    );
    const run = await resolve([], { pipeline: 'missing.yml' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^missing\.yml:5:25: INTEGRATION_NOT_FOUND: /m);
    const json = JSON.parse((await resolve(['--json'], { pipeline: 'missing.yml' })).stdout);
    expect(json.ok).toBe(false);
    expect(json.errors.map((error: { code: string }) => error.code)).toContain(
      'INTEGRATION_NOT_FOUND',
    );
  });

  it('refuses a pipeline the allowlist does not admit', async () => {
    const run = await spawnCli(
      [
        'resolve',
        'pipeline.yml',
        '--integrations',
        'integrations.yml',
        '--secrets',
        'secrets.yml',
        '--repo',
        'other/app',
        '--user',
        'mallory',
        '--org',
        'other',
        '--json',
      ],
      { cwd, environment: CREDENTIAL_ENVIRONMENT },
    );
    runs.push(run);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).errors[0]).toMatchObject({
      code: 'NOT_ALLOWED',
      position: { file: 'pipeline.yml', line: 7, column: 22 },
    });
  });

  it('refuses a pull request from a fork unless the integration allows forks', async () => {
    const run = await resolve(['--fork', '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).errors[0]).toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('stops on Ctrl-C with CANCELLED instead of waiting for a slow store', async () => {
    vault.setLatency(20_000);
    const started = Date.now();
    const run = await spawnCli(
      [
        'resolve',
        'pipeline.yml',
        '--integrations',
        'integrations.yml',
        '--secrets',
        'secrets.yml',
        ...ACCESS,
      ],
      { cwd, environment: CREDENTIAL_ENVIRONMENT, interruptAfterMs: 3000 },
    ).finally(() => vault.setLatency(0));
    runs.push(run);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^pipeline\.yml:7:22: CANCELLED: /);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('names an unset environment variable of the integrations file at its position', async () => {
    const run = await resolve([], { environment: { VAULT_ROLE_ID: 'x' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'integrations.yml:8:17: ENVIRONMENT_VARIABLE_NOT_SET: The environment variable VAULT_SECRET_ID is not set; export it before running fromsecret (export VAULT_SECRET_ID=...).\n',
    );
  });

  it("reports unknown keys and the provider's settings problems in the integrations file", async () => {
    workspace.write(
      'bad-integrations.yml',
      `integrations:\n  - id: 1\n    name: v\n    typ: vault\n  - id: 2\n    name: w\n    type: vault\n    config: { adress: ${vault.url} }\n`,
    );
    const run = await spawnCli(
      ['resolve', 'pipeline.yml', '--integrations', 'bad-integrations.yml', ...ACCESS],
      { cwd },
    );
    runs.push(run);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'bad-integrations.yml:4:5: INVALID_INTEGRATIONS_FILE: Unknown key "typ" in an integration. Did you mean "type"?',
    );
    expect(run.stderr).toMatch(
      /bad-integrations\.yml:8:13: INVALID_CONFIG: .*\n(.*\n)*.*"adress"; did you mean "address"/,
    );
  });
});

describe('every resolve run', () => {
  it('printed no credential', () => {
    expect(runs.length).toBeGreaterThan(10);
    for (const run of runs)
      for (const credential of CREDENTIALS)
        expect(run.stdout + run.stderr).not.toContain(credential);
  });
});

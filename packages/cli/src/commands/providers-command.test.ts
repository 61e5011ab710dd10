import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace, spawnCli } from '../test-support/spawn-cli';

const workspace = createWorkspace();
afterAll(() => workspace.remove());
const cwd = workspace.directory;

describe('fromsecret providers', () => {
  it('lists the built-in types with their settings', async () => {
    const run = await spawnCli(['providers'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^azure_key_vault: Azure Key Vault\n/);
    expect(run.stdout).toContain('\ninfisical: ');
    expect(run.stdout).toContain('\nvault: HashiCorp Vault / OpenBao\n');
    expect(run.stdout).toMatch(/\n {2}secretId +string +required, secret +/);
    expect(run.stdout).toMatch(/\n {2}mountPath +string +optional, default "secret" +/);
  });

  it('prints the fields as the providers declare them under --json', async () => {
    const body = JSON.parse((await spawnCli(['providers', '--json'], { cwd })).stdout);
    expect(body.ok).toBe(true);
    expect(body.providers.map((provider: { type: string }) => provider.type)).toEqual([
      'azure_key_vault',
      'infisical',
      'vault',
    ]);
    const vault = body.providers[2];
    expect(vault.fields.find((field: { name: string }) => field.name === 'secretId')).toMatchObject(
      { required: true, secret: true, kind: 'string' },
    );
  });
});

describe('fromsecret schema', () => {
  it('prints the JSON Schema of the integrations file, with each type config closed', async () => {
    const run = await spawnCli(['schema'], { cwd });
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(schema.definitions)).toEqual([
      'integration',
      'allow',
      'config_azure_key_vault',
      'config_infisical',
      'config_vault',
    ]);
    expect(schema.definitions.config_vault).toMatchObject({
      additionalProperties: false,
      required: expect.arrayContaining(['address']),
    });
  });

  it('is what the package ships as integrations.schema.json', async () => {
    const shipped = readFileSync(
      fileURLToPath(new URL('../../integrations.schema.json', import.meta.url)),
      'utf8',
    );
    expect((await spawnCli(['schema'], { cwd })).stdout).toBe(shipped);
  });

  it('writes the schema to --output', async () => {
    const run = await spawnCli(['schema', '--output', 'out.json'], { cwd });
    expect([run.status, run.stdout]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(`${cwd}/out.json`, 'utf8')).title).toBe(
      'fromsecret integrations file',
    );
  });
});

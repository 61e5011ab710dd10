import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  canaries,
  createNockVault,
  expectSecretError,
  liveSignal,
  type NockVault,
} from './__fixtures__/nock-vault';
import { provider } from './index';

describe('vault provider: reads', () => {
  let vault: NockVault;
  beforeEach(() => {
    vault = createNockVault();
  });
  afterEach(() => vault.cleanUp());

  it('returns every key at a path, non-string values as JSON text, and the version', async () => {
    vault.emulator.writeSecret('crow/app', {
      api_key: canaries.value,
      port: 8080,
      enabled: true,
      nested: { a: [1, 'two'] },
      nothing: null,
    });
    const data = await vault.provider().read({ path: 'crow/app' }, liveSignal());
    expect(data).toEqual({
      values: {
        api_key: canaries.value,
        port: '8080',
        enabled: 'true',
        nested: '{"a":[1,"two"]}',
        nothing: 'null',
      },
      version: '1',
    });
  });

  it('asks for ?version=N when a version is pinned, and for the latest on 0 or none', async () => {
    vault.emulator.writeSecret('crow/app', { api_key: 'one' });
    vault.emulator.writeSecret('crow/app', { api_key: 'two' });
    const reader = vault.provider();
    expect((await reader.read({ path: 'crow/app', version: 1 }, liveSignal())).values).toEqual({
      api_key: 'one',
    });
    expect((await reader.read({ path: 'crow/app', version: 0 }, liveSignal())).version).toBe('2');
    expect((await reader.read({ path: 'crow/app' }, liveSignal())).version).toBe('2');
    const reads = vault.emulator.log.entries.filter((entry) => entry.operation === 'read');
    expect(reads.map((entry) => entry.query)).toEqual(['version=1', '', '']);
  });

  it('encodes every segment of the path', async () => {
    vault.emulator.enableKv('kv/team.a', { version: 2 });
    vault.emulator.setPolicy('reader', { 'kv/team.a/data/*': ['read'] });
    vault.emulator.writeSecret('crow/my app/ü+&=', { api_key: 'encoded' }, { mount: 'kv/team.a' });
    const data = await vault
      .provider({ mountPath: 'kv/team.a' })
      .read({ path: 'crow/my app/ü+&=' }, liveSignal());
    expect(data.values.api_key).toBe('encoded');
    expect(vault.emulator.log.entries.at(-1)?.path).toBe(
      '/v1/kv/team.a/data/crow/my%20app/%C3%BC%2B%26%3D',
    );
  });

  it('refuses a path that would leave the secret, before any request', async () => {
    const reader = vault.provider();
    for (const path of ['crow/../../sys/policy', 'crow/./app', '/crow', 'crow/a%2Fb']) {
      expect(() => reader.validateReference?.({ path, key: 'api_key' })).toThrow(
        expect.objectContaining({ code: 'INVALID_REFERENCE' }),
      );
      await expectSecretError(() => reader.read({ path }, liveSignal()), 'INVALID_REFERENCE');
    }
    expect(vault.emulator.log.count()).toBe(0);
  });

  it('reads KV v1 at <mount>/<path> and refuses versions there', async () => {
    vault.emulator.enableKv('kv', { version: 1 });
    vault.emulator.writeSecret('team/db', { password: canaries.value }, { mount: 'kv' });
    const reader = vault.provider({ mountPath: 'kv', kvVersion: 1 });
    expect(await reader.read({ path: 'team/db' }, liveSignal())).toEqual({
      values: { password: canaries.value },
    });
    expect(vault.emulator.log.entries.at(-1)?.path).toBe('/v1/kv/team/db');
    expect(() =>
      reader.validateReference?.({ path: 'team/db', key: 'password', version: 2 }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_REFERENCE',
        message: expect.stringMatching(/KV engine is version 1/),
      }),
    );
    reader.validateReference?.({ path: 'team/db', key: 'password', version: 0 });
    await expectSecretError(
      () => reader.read({ path: 'team/db', version: 2 }, liveSignal()),
      'INVALID_REFERENCE',
    );
  });

  it('refuses version forms Vault cannot use', () => {
    const reader = vault.provider();
    for (const version of ['3', 'abc', -1, 1.5]) {
      expect(() => reader.validateReference?.({ path: 'crow/app', key: 'k', version })).toThrow(
        expect.objectContaining({ code: 'INVALID_REFERENCE' }),
      );
    }
  });

  it('sends X-Vault-Namespace on the login and on every read', async () => {
    await vault.cleanUp();
    vault = createNockVault({ namespace: 'team-a/ci' });
    vault.emulator.enableKv('secret', { version: 2, namespace: 'team-a/ci' });
    vault.emulator.writeSecret('crow/app', { api_key: 'namespaced' }, { namespace: 'team-a/ci' });
    const reader = vault.provider();
    expect((await reader.read({ path: 'crow/app' }, liveSignal())).values.api_key).toBe(
      'namespaced',
    );
    await reader.testConnection(liveSignal());
    expect(vault.emulator.log.entries.map((entry) => entry.notableHeaders)).toEqual([
      { 'x-vault-namespace': 'team-a/ci' },
      { 'x-vault-namespace': 'team-a/ci' },
      { 'x-vault-namespace': 'team-a/ci' },
    ]);
  });

  it('ignores the VAULT_* environment variables node-vault would read', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      VAULT_TOKEN: canaries.tokenPrefix,
      VAULT_NAMESPACE: 'from-environment',
      VAULT_PREFIX: '/prefix',
      VAULT_ADDR: 'http://elsewhere.test',
    });
    try {
      vault.emulator.writeSecret('crow/app', { api_key: 'plain' });
      await vault.provider().read({ path: 'crow/app' }, liveSignal());
      const [login, read] = vault.emulator.log.entries;
      expect(login?.headerNames).not.toContain('x-vault-token');
      expect(login?.headerNames).not.toContain('x-vault-namespace');
      expect(read?.path).toBe('/v1/secret/data/crow/app');
    } finally {
      process.env = saved;
    }
  });

  it('declares the contract: type, fields, parseConfig and create without I/O', () => {
    expect(provider).toMatchObject({ specificationVersion: 'v1', type: 'vault' });
    const created = provider.create(
      provider.parseConfig({
        address: 'http://vault.provider.test:8200',
        roleId: 'a',
        secretId: 'b',
      }),
      { logger: vault.logger, now: () => 0 },
    );
    expect(created.validateReference).toBeTypeOf('function');
    expect(vault.emulator.log.count()).toBe(0);
  });
});

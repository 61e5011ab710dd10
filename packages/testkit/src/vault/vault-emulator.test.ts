import https from 'node:https';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountVaultEmulatorOnNock, startVaultEmulator, type VaultEmulator } from './vault-emulator';

const roleId = 'CANARY-ROLE-ID-emulator';
const secretId = 'CANARY-SECRET-ID-emulator';

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the tests walk Vault's JSON bodies freely.
  body: Record<string, any>;
}

async function call(
  emulator: VaultEmulator,
  method: string,
  path: string,
  options: { token?: string; namespace?: string; body?: unknown } = {},
): Promise<Answer> {
  const response = await fetch(`${emulator.url}/v1/${path}`, {
    method,
    headers: {
      ...(options.token === undefined ? {} : { 'x-vault-token': options.token }),
      ...(options.namespace === undefined ? {} : { 'x-vault-namespace': options.namespace }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : JSON.parse(text) };
}

async function login(emulator: VaultEmulator, namespace?: string): Promise<string> {
  const answer = await call(emulator, 'POST', 'auth/approle/login', {
    body: { role_id: roleId, secret_id: secretId },
    ...(namespace === undefined ? {} : { namespace }),
  });
  expect(answer.status).toBe(200);
  return answer.body.auth.client_token as string;
}

describe('Vault emulator over HTTP', () => {
  let emulator: VaultEmulator;
  let clock = 1_700_000_000_000;

  beforeEach(async () => {
    clock = 1_700_000_000_000;
    emulator = await startVaultEmulator({ now: () => clock });
    emulator.addRole({ roleId, secretId, policies: ['reader'], tokenTtlSeconds: 60 });
    emulator.setPolicy('reader', { 'secret/data/crow/*': ['read'], 'kv1/*': ['read'] });
  });
  afterEach(() => emulator.close());

  it('logs in with AppRole and answers bad credentials with 400 invalid role or secret ID', async () => {
    const good = await call(emulator, 'POST', 'auth/approle/login', {
      body: { role_id: roleId, secret_id: secretId },
    });
    expect(good.body.auth).toMatchObject({
      lease_duration: 60,
      renewable: true,
      policies: ['default', 'reader'],
    });
    const bad = await call(emulator, 'POST', 'auth/approle/login', {
      body: { role_id: roleId, secret_id: 'wrong' },
    });
    expect(bad).toEqual({ status: 400, body: { errors: ['invalid role or secret ID'] } });
    expect((await call(emulator, 'POST', 'auth/other/login', { body: {} })).status).toBe(404);
    expect(emulator.log.count('login')).toBe(3);
  });

  it('reads KV v2 versions, and answers deleted, destroyed and absent versions with 404', async () => {
    emulator.writeSecret('crow/app', { api_key: 'one' });
    emulator.writeSecret('crow/app', { api_key: 'two', port: 8080 });
    emulator.writeSecret('crow/app', { api_key: 'three' });
    emulator.deleteVersion('crow/app', 2);
    emulator.destroyVersion('crow/app', 3);
    const token = await login(emulator);
    const first = await call(emulator, 'GET', 'secret/data/crow/app?version=1', { token });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ data: { api_key: 'one' }, metadata: { version: 1 } });
    const deleted = await call(emulator, 'GET', 'secret/data/crow/app?version=2', { token });
    expect(deleted.status).toBe(404);
    expect(deleted.body.data.data).toBeNull();
    expect(deleted.body.data.metadata.deletion_time).not.toBe('');
    const latest = await call(emulator, 'GET', 'secret/data/crow/app', { token });
    expect(latest.status).toBe(404);
    expect(latest.body.data.metadata).toMatchObject({ version: 3, destroyed: true });
    const never = await call(emulator, 'GET', 'secret/data/crow/app?version=9', { token });
    expect(never).toEqual({ status: 404, body: { errors: [] } });
    const absent = await call(emulator, 'GET', 'secret/data/crow/none', { token });
    expect(absent).toEqual({ status: 404, body: { errors: [] } });
  });

  it('decodes each path segment and reads KV v1 mounts', async () => {
    emulator.writeSecret('crow/my app', { api_key: 'spaced' });
    emulator.enableKv('kv1', { version: 1 });
    emulator.writeSecret('team/db', { password: 'old' }, { mount: 'kv1' });
    emulator.writeSecret('team/db', { password: 'new' }, { mount: 'kv1' });
    const token = await login(emulator);
    const spaced = await call(emulator, 'GET', 'secret/data/crow/my%20app', { token });
    expect(spaced.body.data.data).toEqual({ api_key: 'spaced' });
    const v1 = await call(emulator, 'GET', 'kv1/team/db', { token });
    expect(v1.status).toBe(200);
    expect(v1.body.data).toEqual({ password: 'new' });
    const wrongShape = await call(emulator, 'GET', 'secret/crow/app', { token });
    expect(wrongShape.status).toBe(403);
  });

  it('answers a v1-style path on a KV v2 mount with 404 and Vault’s warning', async () => {
    emulator.setPolicy('reader', { 'secret/*': ['read'] });
    const token = await login(emulator);
    const answer = await call(emulator, 'GET', 'secret/crow/app', { token });
    expect(answer.status).toBe(404);
    expect(answer.body.warnings[0]).toMatch(/versioned K\/V/);
  });

  it('denies paths outside the policies, and rejects missing, revoked and expired tokens', async () => {
    emulator.writeSecret('other/app', { api_key: 'x' });
    const token = await login(emulator);
    const denied = await call(emulator, 'GET', 'secret/data/other/app', { token });
    expect(denied.status).toBe(403);
    expect(denied.body.errors[0]).toMatch(/permission denied/);
    expect(denied.body.errors[0]).not.toMatch(/invalid token/);
    expect((await call(emulator, 'GET', 'secret/data/crow/app')).status).toBe(403);
    expect(emulator.revokeTokens()).toBe(1);
    const revoked = await call(emulator, 'GET', 'auth/token/lookup-self', { token });
    expect(revoked.status).toBe(403);
    expect(revoked.body.errors[0]).toMatch(/invalid token/);
    const fresh = await login(emulator);
    clock += 60_000;
    const expired = await call(emulator, 'GET', 'auth/token/lookup-self', { token: fresh });
    expect(expired.body.errors[0]).toMatch(/invalid token/);
    expect(emulator.activeTokenCount()).toBe(0);
  });

  it('looks a token up and revokes it on revoke-self', async () => {
    const token = await login(emulator);
    clock += 10_000;
    const lookup = await call(emulator, 'GET', 'auth/token/lookup-self', { token });
    expect(lookup.body.data).toMatchObject({ ttl: 50, policies: ['default', 'reader'] });
    expect((await call(emulator, 'POST', 'auth/token/revoke-self', { token })).status).toBe(204);
    expect(emulator.activeTokenCount()).toBe(0);
    expect(emulator.log.entries.map((entry) => entry.operation)).toEqual([
      'login',
      'lookup-self',
      'revoke-self',
    ]);
  });

  it('keeps roles and secrets per namespace and logs the namespace header', async () => {
    emulator.addRole({ roleId, secretId, namespace: 'team-a', policies: ['reader'] });
    emulator.enableKv('secret', { version: 2, namespace: 'team-a' });
    emulator.writeSecret('crow/app', { api_key: 'in team-a' }, { namespace: 'team-a' });
    const token = await login(emulator, 'team-a');
    const read = await call(emulator, 'GET', 'secret/data/crow/app', {
      token,
      namespace: 'team-a',
    });
    expect(read.body.data.data).toEqual({ api_key: 'in team-a' });
    const outside = await call(emulator, 'GET', 'secret/data/crow/app', { token });
    expect(outside.status).toBe(403);
    expect(emulator.log.entries[0]?.notableHeaders).toEqual({ 'x-vault-namespace': 'team-a' });
  });

  it('answers 503 while sealed', async () => {
    emulator.seal();
    const sealed = await call(emulator, 'POST', 'auth/approle/login', { body: {} });
    expect(sealed).toEqual({ status: 503, body: { errors: ['Vault is sealed'] } });
    emulator.unseal();
    await login(emulator);
  });
});

describe('Vault emulator over HTTPS', () => {
  it('hands back the CA that a client must trust', async () => {
    const emulator = await startVaultEmulator({ tls: true });
    try {
      expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const status = await new Promise<number>((resolve, reject) => {
        https
          .get(`${emulator.url}/v1/auth/token/lookup-self`, { ca: emulator.caCert }, (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          })
          .on('error', reject);
      });
      expect(status).toBe(403);
      await expect(fetch(`${emulator.url}/v1/sys/health`)).rejects.toThrow();
    } finally {
      await emulator.close();
    }
  });
});

describe('Vault emulator on nock', () => {
  const origin = 'http://vault.emulator.test:8200';

  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('serves the same handler with latency, without a socket', async () => {
    const emulator = mountVaultEmulatorOnNock(nock, origin);
    emulator.addRole({ roleId, secretId, policies: ['reader'] });
    emulator.setPolicy('reader', { 'secret/data/*': ['read'] });
    emulator.writeSecret('crow/app', { api_key: 'via nock' });
    const token = await login(emulator);
    emulator.setLatency(150);
    const started = Date.now();
    const read = await call(emulator, 'GET', 'secret/data/crow/app', { token });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(read.body.data.data).toEqual({ api_key: 'via nock' });
    expect(emulator.log.count('read')).toBe(1);
  });
});

import { startVaultEmulator, type VaultEmulator } from '@fromsecret/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mapVaultError } from './map-vault-error';
import { createVaultClient, type VaultClient } from './vault-client';
import { VaultResponseError } from './vault-response-error';

const credentials = { role_id: 'CANARY-ROLE-ID-client', secret_id: 'CANARY-SECRET-ID-client' };

describe('createVaultClient over a real socket', () => {
  let emulator: VaultEmulator;
  let client: VaultClient;
  beforeEach(async () => {
    emulator = await startVaultEmulator();
    emulator.addRole({ roleId: credentials.role_id, secretId: credentials.secret_id });
    client = createVaultClient({ address: emulator.url, verifyTls: true, requestTimeoutMs: 300 });
  });
  afterEach(async () => {
    client.close();
    await emulator.close();
  });

  const live = () => new AbortController().signal;

  it('resolves Vault bodies and turns other statuses into VaultResponseError', async () => {
    const body = await client.write('auth/approle/login', credentials, undefined, live());
    expect(body).toMatchObject({ auth: { renewable: true } });
    const error = await client
      .write('auth/approle/login', { ...credentials, secret_id: 'wrong' }, undefined, live())
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(VaultResponseError);
    expect(error).toMatchObject({ status: 400, errors: ['invalid role or secret ID'] });
  });

  it('keeps Retry-After, which node-vault alone would drop', async () => {
    emulator.faults.inject({ kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    const error = await client.read('secret/data/a', 'token', live()).catch((failure) => failure);
    expect(error).toMatchObject({ status: 429, retryAfter: '7' });
  });

  it('sends the path exactly as encoded, without resolving dot segments', async () => {
    await client.read('secret/data/a/%2E%2E/b', 'token', live()).catch(() => undefined);
    expect(emulator.log.entries[0]?.path).toBe('/v1/secret/data/a/%2E%2E/b');
  });

  it('gives up on a request that takes longer than its timeout', async () => {
    emulator.faults.inject({ kind: 'hang' });
    const started = Date.now();
    const error = await client.read('secret/data/a', 'token', live()).catch((failure) => failure);
    expect(Date.now() - started).toBeLessThan(2_000);
    const mapped = mapVaultError(error, {
      operation: { kind: 'lookup-self' },
      target: { address: emulator.url, mountPath: 'secret', kvVersion: 2 },
      secrets: [],
      signal: live(),
      now: Date.now,
    });
    expect(mapped.code).toBe('TIMEOUT');
  });

  it('aborts the request on the socket when the signal aborts', async () => {
    emulator.faults.inject({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await client
      .read('secret/data/a', 'token', controller.signal)
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  canaries,
  createNockVault,
  expectNoCanary,
  expectSecretError,
  liveSignal,
  type NockVault,
} from './__fixtures__/nock-vault';

describe('vault provider: errors', () => {
  let vault: NockVault;
  beforeEach(() => {
    vault = createNockVault();
    vault.emulator.writeSecret('crow/app', { api_key: canaries.value });
  });
  afterEach(() => vault.cleanUp());

  it('maps a 400 "invalid role or secret ID" to AUTHENTICATION_FAILED, not retryable', async () => {
    const reader = vault.provider({ secretId: 'CANARY-SECRET-ID-7f3a-wrong' });
    const error = await expectSecretError(
      () => reader.read({ path: 'crow/app' }, liveSignal()),
      'AUTHENTICATION_FAILED',
    );
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/invalid role or secret ID/);
    expect(error.message).toMatch(/"roleId" and "secretId"/);
    expect(error.message).not.toContain('wrong');
    expect(vault.emulator.log.count('login')).toBe(1);
    expect(vault.emulator.log.count('read')).toBe(0);
  });

  it('maps a login on a path without AppRole to AUTHENTICATION_FAILED naming authPath', async () => {
    const error = await expectSecretError(
      () => vault.provider({ authPath: 'missing' }).testConnection(liveSignal()),
      'AUTHENTICATION_FAILED',
    );
    expect(error.message).toMatch(/auth\/missing.*"authPath"/);
  });

  it('maps a 403 on a read to PERMISSION_DENIED naming the path and the capability', async () => {
    vault.emulator.writeSecret('other/app', { api_key: canaries.value });
    const error = await expectSecretError(
      () => vault.provider().read({ path: 'other/app' }, liveSignal()),
      'PERMISSION_DENIED',
    );
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('"read" capability on "secret/data/other/app"');
    expect(error.message).toContain('path "secret/data/other/app" { capabilities = ["read"] }');
    expect(vault.emulator.log.count('login')).toBe(1);
  });

  it('tells a missing secret from a deleted, destroyed or absent version', async () => {
    vault.emulator.writeSecret('crow/app', { api_key: 'two' });
    vault.emulator.writeSecret('crow/app', { api_key: 'three' });
    vault.emulator.deleteVersion('crow/app', 2);
    vault.emulator.destroyVersion('crow/app', 3);
    const reader = vault.provider();
    const read = (path: string, version?: number) =>
      reader.read(version === undefined ? { path } : { path, version }, liveSignal());
    const missing = await expectSecretError(() => read('crow/none'), 'SECRET_NOT_FOUND');
    expect(missing.message).toMatch(/"mountPath" \(secret\), "kvVersion" \(2\)/);
    const deleted = await expectSecretError(() => read('crow/app', 2), 'VERSION_NOT_FOUND');
    expect(deleted.message).toMatch(
      /version 2 was deleted.*vault kv undelete -mount=secret -versions=2 crow\/app/,
    );
    const destroyed = await expectSecretError(() => read('crow/app', 3), 'VERSION_NOT_FOUND');
    expect(destroyed.message).toMatch(/version 3 was destroyed/);
    const latestGone = await expectSecretError(() => read('crow/app'), 'VERSION_NOT_FOUND');
    expect(latestGone.message).toMatch(/version 3 was destroyed/);
    const never = await expectSecretError(() => read('crow/app', 9), 'VERSION_NOT_FOUND');
    expect(never.message).toMatch(/no version 9 of "crow\/app"/);
    expect((await read('crow/app', 1)).values.api_key).toBe(canaries.value);
  });

  it('points a KV v1 setting at a KV v2 mount to "kvVersion"', async () => {
    vault.emulator.setPolicy('reader', { 'secret/*': ['read'] });
    const error = await expectSecretError(
      () => vault.provider({ kvVersion: 1 }).read({ path: 'crow/app' }, liveSignal()),
      'SECRET_NOT_FOUND',
    );
    expect(error.message).toMatch(/KV version 2: set "kvVersion" to 2/);
  });

  it('maps a sealed Vault (503) to a retryable PROVIDER_ERROR', async () => {
    vault.emulator.seal();
    const error = await expectSecretError(
      () => vault.provider().read({ path: 'crow/app' }, liveSignal()),
      'PROVIDER_ERROR',
    );
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/HTTP 503: "Vault is sealed"\): Vault is sealed, in standby/);
  });

  it('maps 429 to RATE_LIMITED with Retry-After, and 502/504 to retryable errors', async () => {
    const reader = vault.provider();
    await reader.read({ path: 'crow/app' }, liveSignal());
    vault.emulator.faults.inject(
      {
        kind: 'status',
        status: 429,
        body: { errors: ['request path "x": rate limit quota exceeded'] },
        headers: { 'retry-after': '2' },
      },
      { operation: 'read' },
    );
    const limited = await expectSecretError(
      () => reader.read({ path: 'crow/app' }, liveSignal()),
      'RATE_LIMITED',
    );
    expect(limited).toMatchObject({ retryable: true, retryAfterMs: 2000 });
    for (const status of [502, 504]) {
      vault.emulator.faults.inject({ kind: 'status', status }, { operation: 'read' });
      const error = await expectSecretError(
        () => reader.read({ path: 'crow/app' }, liveSignal()),
        'PROVIDER_ERROR',
      );
      expect(error.retryable).toBe(true);
    }
    vault.emulator.faults.inject(
      { kind: 'status', status: 500, body: { errors: ['internal error'] } },
      { operation: 'read' },
    );
    const internal = await expectSecretError(
      () => reader.read({ path: 'crow/app' }, liveSignal()),
      'PROVIDER_ERROR',
    );
    expect(internal.retryable).toBe(false);
  });

  it('maps answers that are not Vault JSON, and reset connections', async () => {
    const reader = vault.provider();
    await reader.read({ path: 'crow/app' }, liveSignal());
    for (const kind of ['malformed-json', 'wrong-content-type'] as const) {
      vault.emulator.faults.inject({ kind }, { operation: 'read' });
      const error = await expectSecretError(
        () => reader.read({ path: 'crow/app' }, liveSignal()),
        'PROVIDER_ERROR',
      );
      expect(error.message).toMatch(/without a "data.data" object/);
    }
    vault.emulator.faults.inject({ kind: 'destroy-socket' }, { operation: 'read' });
    await expectSecretError(() => reader.read({ path: 'crow/app' }, liveSignal()), 'UNREACHABLE');
  });

  it('maps a lookup-self denial to PERMISSION_DENIED naming the default policy', async () => {
    vault.emulator.faults.inject(
      {
        kind: 'status',
        status: 403,
        body: { errors: ['1 error occurred:\n\t* permission denied\n\n'] },
      },
      { operation: 'lookup-self' },
    );
    const error = await expectSecretError(
      () => vault.provider().testConnection(liveSignal()),
      'PERMISSION_DENIED',
    );
    expect(error.message).toMatch(/attach the "default" policy/);
  });

  it('never lets a credential, a token or a value reach an error or a log line', async () => {
    vault.emulator.faults.inject(
      {
        kind: 'status',
        status: 400,
        body: { errors: [`invalid role ID ${canaries.roleId} secret ${canaries.secretId}`] },
      },
      { operation: 'login' },
    );
    const error = await expectSecretError(
      () => vault.provider().read({ path: 'crow/app' }, liveSignal()),
      'AUTHENTICATION_FAILED',
    );
    expect(error.message).toMatch(/\[REDACTED\]/);
    const reader = vault.provider();
    await reader.read({ path: 'crow/app' }, liveSignal());
    vault.emulator.revokeTokens();
    await reader.read({ path: 'crow/app' }, liveSignal());
    await reader.testConnection(liveSignal());
    await reader.close();
    expectNoCanary(vault.logger.lines.join('\n'));
    expect(vault.logger.lines.length).toBeGreaterThan(0);
  });
});

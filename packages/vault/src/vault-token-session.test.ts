import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  canaries,
  createNockVault,
  expectSecretError,
  liveSignal,
  type NockVault,
} from './__fixtures__/nock-vault';

const invalidToken = {
  kind: 'status',
  status: 403,
  body: { errors: ['2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n'] },
} as const;

describe('vault provider: tokens', () => {
  let vault: NockVault;
  beforeEach(() => {
    vault = createNockVault({ tokenTtlSeconds: 100 });
    vault.emulator.writeSecret('crow/app', { api_key: canaries.value });
    vault.emulator.writeSecret('crow/other', { api_key: 'other' });
  });
  afterEach(() => vault.cleanUp());

  it('logs in once and reuses the token for later reads', async () => {
    const reader = vault.provider();
    await reader.read({ path: 'crow/app' }, liveSignal());
    await reader.read({ path: 'crow/other' }, liveSignal());
    await reader.testConnection(liveSignal());
    expect(vault.emulator.log.count('login')).toBe(1);
  });

  it('shares one login among 50 concurrent reads', async () => {
    vault.emulator.setLatency(20);
    const reader = vault.provider();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => reader.read({ path: 'crow/app' }, liveSignal())),
    );
    expect(results.every((data) => data.values.api_key === canaries.value)).toBe(true);
    expect(vault.emulator.log.count('login')).toBe(1);
    expect(vault.emulator.log.count('read')).toBe(50);
  });

  it('logs in again shortly before the lease ends, not earlier', async () => {
    const reader = vault.provider();
    await reader.read({ path: 'crow/app' }, liveSignal());
    vault.clock.now += 89_000;
    await reader.read({ path: 'crow/app' }, liveSignal());
    expect(vault.emulator.log.count('login')).toBe(1);
    vault.clock.now += 2_000;
    await reader.read({ path: 'crow/app' }, liveSignal());
    expect(vault.emulator.log.count('login')).toBe(2);
  });

  it('keeps a token without a lease (lease_duration 0) until Vault rejects it', async () => {
    await vault.cleanUp();
    vault = createNockVault({ tokenTtlSeconds: 0 });
    vault.emulator.writeSecret('crow/app', { api_key: 'forever' });
    const reader = vault.provider();
    await reader.read({ path: 'crow/app' }, liveSignal());
    vault.clock.now += 365 * 24 * 3600_000;
    await reader.read({ path: 'crow/app' }, liveSignal());
    expect(vault.emulator.log.count('login')).toBe(1);
  });

  it('logs in again once and retries once when Vault says the token is invalid', async () => {
    const reader = vault.provider();
    await reader.read({ path: 'crow/app' }, liveSignal());
    vault.emulator.revokeTokens();
    const data = await reader.read({ path: 'crow/app' }, liveSignal());
    expect(data.values.api_key).toBe(canaries.value);
    expect(vault.emulator.log.entries.map((entry) => `${entry.operation} ${entry.status}`)).toEqual(
      ['login 200', 'read 200', 'read 403', 'login 200', 'read 200'],
    );
  });

  it('gives up with AUTHENTICATION_FAILED when a fresh token is rejected too', async () => {
    const reader = vault.provider();
    await reader.read({ path: 'crow/app' }, liveSignal());
    vault.emulator.faults.inject(invalidToken, { operation: 'read', times: 2 });
    await expectSecretError(
      () => reader.read({ path: 'crow/app' }, liveSignal()),
      'AUTHENTICATION_FAILED',
    );
    expect(vault.emulator.log.count('login')).toBe(2);
    expect(vault.emulator.log.count('read')).toBe(3);
  });

  it('shares one new login among concurrent reads that all found their token revoked', async () => {
    const reader = vault.provider();
    await reader.read({ path: 'crow/app' }, liveSignal());
    vault.emulator.revokeTokens();
    vault.emulator.setLatency(10);
    await Promise.all(
      Array.from({ length: 20 }, () => reader.read({ path: 'crow/app' }, liveSignal())),
    );
    expect(vault.emulator.log.count('login')).toBe(2);
  });

  it('tests the connection with a login and lookup-self, reading no secret', async () => {
    await vault.provider().testConnection(liveSignal());
    expect(vault.emulator.log.entries.map((entry) => entry.operation)).toEqual([
      'login',
      'lookup-self',
    ]);
  });

  it('revokes its token on close, once, and refuses to work afterwards', async () => {
    const reader = vault.provider();
    await reader.read({ path: 'crow/app' }, liveSignal());
    expect(vault.emulator.activeTokenCount()).toBe(1);
    await reader.close();
    await reader.close();
    expect(vault.emulator.activeTokenCount()).toBe(0);
    expect(vault.emulator.log.count('revoke-self')).toBe(1);
    expect(vault.emulator.log.entries.at(-1)?.headerNames).toContain('x-vault-token');
    await expectSecretError(
      () => reader.read({ path: 'crow/app' }, liveSignal()),
      'PROVIDER_ERROR',
    );
  });

  it('closes without a request when it never logged in', async () => {
    await vault.provider().close();
    expect(vault.emulator.log.count()).toBe(0);
  });

  it('warns, and still closes, when the token cannot be revoked', async () => {
    const reader = vault.provider();
    await reader.read({ path: 'crow/app' }, liveSignal());
    vault.emulator.seal();
    await expect(reader.close()).resolves.toBeUndefined();
    expect(vault.logger.lines.filter((line) => line.startsWith('warn'))).toEqual([
      expect.stringMatching(/could not be revoked.*PROVIDER_ERROR/s),
    ]);
  });

  it('warns that TLS verification is off at every login with skipTlsVerify', async () => {
    await vault.cleanUp();
    vault = createNockVault({ origin: 'https://vault.provider.test:8200' });
    vault.emulator.writeSecret('crow/app', { api_key: 'tls' });
    const reader = vault.provider({ skipTlsVerify: true });
    await reader.read({ path: 'crow/app' }, liveSignal());
    vault.emulator.revokeTokens();
    await reader.read({ path: 'crow/app' }, liveSignal());
    const warnings = vault.logger.lines.filter((line) => line.startsWith('warn'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/skipTlsVerify.*Set caCert instead/);
  });
});

describe('vault provider: abort', () => {
  let vault: NockVault;
  beforeEach(() => {
    vault = createNockVault();
    vault.emulator.writeSecret('crow/app', { api_key: canaries.value });
  });
  afterEach(() => vault.cleanUp());

  it('fails with CANCELLED for an aborted signal without a request', async () => {
    const reader = vault.provider();
    const signal = AbortSignal.abort();
    await expectSecretError(() => reader.read({ path: 'crow/app' }, { signal }), 'CANCELLED');
    await expectSecretError(() => reader.testConnection({ signal }), 'CANCELLED');
    expect(vault.emulator.log.count()).toBe(0);
  });

  it('fails with TIMEOUT when the signal aborted for a deadline', async () => {
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expectSecretError(
      () => vault.provider().read({ path: 'crow/app' }, { signal }),
      'TIMEOUT',
    );
  });

  it('lets one caller give up on a shared login while another still gets the token', async () => {
    vault.emulator.setLatency(300);
    const reader = vault.provider();
    const controller = new AbortController();
    const abandoned = reader.read({ path: 'crow/app' }, { signal: controller.signal });
    const patient = reader.read({ path: 'crow/app' }, liveSignal());
    setTimeout(() => controller.abort(), 20);
    await expectSecretError(() => abandoned, 'CANCELLED');
    expect((await patient).values.api_key).toBe(canaries.value);
    expect(vault.emulator.log.count('login')).toBe(1);
  });

  it('abandons a login nobody waits for any more, and logs in afresh on the next call', async () => {
    vault.emulator.setLatency(3_000);
    const reader = vault.provider();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    await expectSecretError(
      () => reader.read({ path: 'crow/app' }, { signal: controller.signal }),
      'CANCELLED',
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    vault.emulator.setLatency(0);
    expect((await reader.read({ path: 'crow/app' }, liveSignal())).values.api_key).toBe(
      canaries.value,
    );
  });
});

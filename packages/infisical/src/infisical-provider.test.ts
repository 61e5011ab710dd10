import type { SecretProvider } from '@fromsecret/core';
import {
  type InfisicalEmulator,
  infisicalErrorResponse,
  startInfisicalEmulator,
} from '@fromsecret/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  canary,
  capturingLogger,
  seededStore,
  settingsFor,
} from './__fixtures__/infisical-fixtures';
import { createInfisicalProvider } from './provider';

const call = () => ({ signal: new AbortController().signal });

describe('Infisical provider against the emulator', () => {
  let clock: number;
  /** How far the store's clock runs ahead of the provider's. */
  let storeSkew: number;
  let emulator: InfisicalEmulator;
  let provider: SecretProvider;
  let logger: ReturnType<typeof capturingLogger>;

  beforeEach(async () => {
    clock = 1_700_000_000_000;
    storeSkew = 0;
    emulator = await startInfisicalEmulator(seededStore(() => clock + storeSkew));
    logger = capturingLogger();
    provider = createInfisicalProvider(settingsFor(emulator.url), { now: () => clock, logger });
  });
  afterEach(async () => {
    await provider.close();
    await emulator.close();
  });

  it('reads the latest value and a pinned version as { value } with the version read', async () => {
    expect(await provider.read({ path: 'API_KEY' }, call())).toEqual({
      values: { value: canary.apiKeyV2 },
      version: '2',
    });
    expect(await provider.read({ path: 'API_KEY', version: 1 }, call())).toEqual({
      values: { value: canary.apiKeyV1 },
      version: '1',
    });
    expect(await provider.read({ path: 'API_KEY', version: 0 }, call())).toMatchObject({
      version: '2',
    });
  });

  it("reads from the integration's secretPath with the SDK's query", async () => {
    const nested = createInfisicalProvider(settingsFor(emulator.url, { secretPath: '/backend' }));
    try {
      expect(await nested.read({ path: 'DB_PASSWORD' }, call())).toMatchObject({
        values: { value: canary.dbPassword },
      });
    } finally {
      await nested.close();
    }
    const query = new URLSearchParams(
      emulator.log.entries.find((entry) => entry.operation === 'read')?.query,
    );
    expect(Object.fromEntries(query)).toEqual({
      workspaceId: 'project-1',
      environment: 'prod',
      secretPath: '/backend',
      viewSecretValue: 'true',
      expandSecretReferences: 'true',
    });
  });

  it('logs in once for many concurrent reads', async () => {
    const reads = Array.from({ length: 12 }, (_, index) =>
      provider.read({ path: 'API_KEY', ...(index % 2 === 0 ? { version: 1 } : {}) }, call()),
    );
    await Promise.all(reads);
    expect(emulator.log.count('login')).toBe(1);
    expect(emulator.log.count('read')).toBe(12);
  });

  it('reuses the token until shortly before expiresIn, then logs in again', async () => {
    await provider.read({ path: 'API_KEY' }, call());
    clock += 107_000;
    await provider.read({ path: 'API_KEY' }, call());
    expect(emulator.log.count('login')).toBe(1);
    clock += 1_000;
    await provider.read({ path: 'API_KEY' }, call());
    expect(emulator.log.count('login')).toBe(2);
    expect(emulator.log.entries.every((entry) => entry.status === 200)).toBe(true);
  });

  it('logs in again once and retries once when Infisical says the token expired', async () => {
    await provider.read({ path: 'API_KEY' }, call());
    storeSkew = 121_000;
    expect(await provider.read({ path: 'API_KEY' }, call())).toMatchObject({
      values: { value: canary.apiKeyV2 },
    });
    expect(emulator.log.entries.map((entry) => `${entry.operation} ${entry.status}`)).toEqual([
      'login 200',
      'read 200',
      'read 403',
      'login 200',
      'read 200',
    ]);
  });

  it('shares the new login between reads rejected together after a revocation', async () => {
    await provider.read({ path: 'API_KEY' }, call());
    emulator.store.revokeAllTokens();
    await Promise.all(Array.from({ length: 5 }, () => provider.read({ path: 'API_KEY' }, call())));
    expect(emulator.log.count('login')).toBe(2);
  });

  it('gives up with AUTHENTICATION_FAILED when the new token is rejected as well', async () => {
    const tokenError = infisicalErrorResponse(
      403,
      'TokenError',
      'Your token has expired. Please re-authenticate.',
    );
    emulator.faults.inject(
      { kind: 'status', status: 403, body: tokenError.body },
      { operation: 'read', times: 2 },
    );
    await expect(provider.read({ path: 'API_KEY' }, call())).rejects.toMatchObject({
      code: 'AUTHENTICATION_FAILED',
      message: expect.stringMatching(/rejected a newly issued access token/),
    });
    expect(emulator.log.count('login')).toBe(2);
    expect(emulator.log.count('read')).toBe(2);
  });

  it('testConnection logs in (always anew) and reads no secret', async () => {
    await provider.testConnection(call());
    await provider.testConnection(call());
    expect(emulator.log.entries.map((entry) => entry.operation)).toEqual(['login', 'login']);
    await provider.read({ path: 'API_KEY' }, call());
    expect(emulator.log.count('login')).toBe(2);
  });

  it('testConnection reports bad credentials as AUTHENTICATION_FAILED', async () => {
    const wrong = createInfisicalProvider(
      settingsFor(emulator.url, { clientSecret: 'CANARY-WRONG-SECRET-33aa' }),
    );
    const error = await wrong.testConnection(call()).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ code: 'AUTHENTICATION_FAILED', retryable: false });
    expect(String((error as Error).message)).toMatch(/clientId and clientSecret/);
    expect(String((error as Error).message)).not.toContain('CANARY-WRONG-SECRET-33aa');
    await wrong.close();
  });

  it('close() revokes the token once and is idempotent', async () => {
    await provider.read({ path: 'API_KEY' }, call());
    await provider.close();
    await provider.close();
    expect(emulator.log.count('revoke')).toBe(1);
    expect(emulator.store.activeTokenCount()).toBe(0);
  });

  it('close() without a token makes no request', async () => {
    await provider.close();
    expect(emulator.log.count()).toBe(0);
  });

  it('close() logs a warning, and still resolves, when the revocation fails', async () => {
    await provider.read({ path: 'API_KEY' }, call());
    await emulator.close();
    await expect(provider.close()).resolves.toBeUndefined();
    expect(
      logger.lines.some((line) => /^warn Could not revoke the Infisical access token/.test(line)),
    ).toBe(true);
  });

  it('validates references without I/O', () => {
    expect(() => provider.validateReference?.({ path: 'API_KEY', key: 'password' })).toThrow(
      /key: value/,
    );
    expect(() =>
      provider.validateReference?.({ path: 'API_KEY', key: 'value', version: 'v2' }),
    ).toThrow(/whole numbers/);
    expect(emulator.log.count()).toBe(0);
  });
});

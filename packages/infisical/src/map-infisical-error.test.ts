import { SecretError, type SecretProvider } from '@fromsecret/core';
import {
  type EmulatorFault,
  type InfisicalEmulator,
  infisicalErrorResponse,
  infisicalRateLimitFault,
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

async function failure(promise: Promise<unknown>): Promise<SecretError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!SecretError.isInstance(error))
    throw new Error(`expected a SecretError, got ${String(error)}`);
  return error;
}

function statusFault(
  status: number,
  error: string,
  message: string,
  headers?: Record<string, string>,
): EmulatorFault {
  const response = infisicalErrorResponse(status, error, message);
  return {
    kind: 'status',
    status,
    body: response.body,
    ...(headers === undefined ? {} : { headers }),
  };
}

describe('Infisical errors, as the provider reports them', () => {
  let emulator: InfisicalEmulator;
  let provider: SecretProvider;
  const logger = capturingLogger();
  const seen: SecretError[] = [];

  beforeEach(async () => {
    emulator = await startInfisicalEmulator(seededStore(Date.now));
    provider = createInfisicalProvider(settingsFor(emulator.url), { logger });
  });
  afterEach(async () => {
    await provider.close();
    // Every error a test saw, and every log line, is checked for canaries and tokens.
    const forbidden = [
      ...Object.values(canary),
      'CANARY-WRONG-SECRET-33aa',
      ...emulator.store.issuedTokens(),
    ];
    const surfaces = seen
      .splice(0)
      .flatMap((error) => [error.message, JSON.stringify(error.toJSON()), String(error.cause)]);
    surfaces.push(...logger.lines.splice(0));
    await emulator.close();
    for (const text of surfaces) {
      for (const secret of forbidden) expect(text).not.toContain(secret);
    }
  });

  async function read(
    path: string,
    version?: number,
    on: SecretProvider = provider,
  ): Promise<SecretError> {
    const error = await failure(
      on.read({ path, ...(version === undefined ? {} : { version }) }, call()),
    );
    seen.push(error);
    return error;
  }

  it('401 invalid credentials: AUTHENTICATION_FAILED, naming the settings to check', async () => {
    const wrong = createInfisicalProvider(
      settingsFor(emulator.url, { clientSecret: 'CANARY-WRONG-SECRET-33aa' }),
    );
    const error = await read('API_KEY', undefined, wrong);
    await wrong.close();
    expect(error).toMatchObject({ code: 'AUTHENTICATION_FAILED', retryable: false });
    expect(error.message).toMatch(/clientId and clientSecret.*Infisical said: Invalid credentials/);
  });

  it('403 PermissionDenied and a hidden value: PERMISSION_DENIED, naming the identity role', async () => {
    for (const path of ['LOCKED', 'MASKED']) {
      const error = await read(path);
      expect(error.code).toBe('PERMISSION_DENIED');
      expect(error.message).toMatch(
        new RegExp(`secret "${path}" in project project-1, environment "prod", path "/"`),
      );
      expect(error.message).toMatch(/project role/);
    }
    const outsider = createInfisicalProvider(settingsFor(emulator.url, { projectId: 'project-2' }));
    expect((await read('API_KEY', undefined, outsider)).code).toBe('PERMISSION_DENIED');
    await outsider.close();
  });

  it('404 secret: SECRET_NOT_FOUND, naming the key and where it was looked for', async () => {
    const error = await read('NOT_THERE');
    expect(error.code).toBe('SECRET_NOT_FOUND');
    expect(error.message).toMatch(
      /no secret "NOT_THERE" in project project-1, environment "prod", path "\/"/,
    );
  });

  it('404 folder: SECRET_NOT_FOUND, naming secretPath as the likely fix', async () => {
    const lost = createInfisicalProvider(settingsFor(emulator.url, { secretPath: '/frontend' }));
    const error = await read('API_KEY', undefined, lost);
    await lost.close();
    expect(error.code).toBe('SECRET_NOT_FOUND');
    expect(error.message).toMatch(/no folder "\/frontend".*check the integration's secretPath/);
  });

  it('a missing version: VERSION_NOT_FOUND with the latest; a missing secret stays SECRET_NOT_FOUND', async () => {
    const error = await read('API_KEY', 7);
    expect(error.code).toBe('VERSION_NOT_FOUND');
    expect(error.message).toMatch(/has no version 7 \(its latest is 2\)/);
    expect((await read('NOT_THERE', 3)).code).toBe('SECRET_NOT_FOUND');
  });

  it('429: RATE_LIMITED, retryable, with Retry-After in milliseconds', async () => {
    emulator.faults.inject(infisicalRateLimitFault(3), { operation: 'read' });
    const error = await read('API_KEY');
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 3000 });
    expect(emulator.log.count('read')).toBe(1);
  });

  it('502/503/504: PROVIDER_ERROR, retryable; 500: not retryable', async () => {
    for (const status of [502, 503, 504]) {
      emulator.faults.inject(statusFault(status, 'BadGateway', 'upstream'), { operation: 'read' });
      expect(await read('API_KEY')).toMatchObject({ code: 'PROVIDER_ERROR', retryable: true });
    }
    emulator.faults.inject(statusFault(500, 'InternalServerError', 'Something went wrong'), {
      operation: 'read',
    });
    expect(await read('API_KEY')).toMatchObject({ code: 'PROVIDER_ERROR', retryable: false });
  });

  it('answers that make no sense: PROVIDER_ERROR pointing at siteUrl', async () => {
    for (const kind of ['malformed-json', 'wrong-content-type'] as const) {
      emulator.faults.inject({ kind }, { operation: 'read' });
      const error = await read('API_KEY');
      expect(error.code).toBe('PROVIDER_ERROR');
      expect(error.message).toMatch(/makes no sense.*siteUrl/);
    }
    emulator.faults.inject({
      kind: 'status',
      status: 200,
      body: { secret: { secretKey: 'API_KEY' } },
    });
    expect((await read('API_KEY')).code).toBe('PROVIDER_ERROR');
  });

  it('a login answered by something that is not Infisical: PROVIDER_ERROR', async () => {
    emulator.faults.inject(
      { kind: 'status', status: 404, body: '<html>nginx</html>' },
      { operation: 'login' },
    );
    const error = await read('API_KEY');
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.message).toMatch(/siteUrl points at an Infisical instance/);
  });

  it('a read answered without an Infisical error body: PROVIDER_ERROR pointing at siteUrl', async () => {
    emulator.faults.inject(
      { kind: 'status', status: 404, body: '<html>nginx</html>' },
      { operation: 'read' },
    );
    const error = await read('API_KEY');
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.message).toMatch(
      /refused the read of secret "API_KEY".*siteUrl points at an Infisical instance/,
    );
  });

  it('a connection dropped mid-request: UNREACHABLE', async () => {
    emulator.faults.inject({ kind: 'destroy-socket' }, { operation: 'read' });
    expect((await read('API_KEY')).code).toBe('UNREACHABLE');
  });
});

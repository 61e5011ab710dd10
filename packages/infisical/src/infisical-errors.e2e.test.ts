import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SecretError } from '@fromsecret/core';
import {
  type InfisicalEmulator,
  infisicalRateLimitFault,
  startInfisicalEmulator,
} from '@fromsecret/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canary,
  capturingLogger,
  seededStore,
  settingsFor,
} from './__fixtures__/infisical-fixtures';
import {
  acme,
  integration,
  pipelineOf,
  resolutionFailure,
  resolverFor,
} from './__fixtures__/resolver-fixtures';

const wrongSecret = 'CANARY-WRONG-SECRET-e2e-7c3d';

// Every error of the issue, end to end through core's resolver against the loopback emulator.
describe('Infisical failures through the core resolver', () => {
  let emulator: InfisicalEmulator;
  let tlsEmulator: InfisicalEmulator;
  let closedPortUrl: string;
  const logger = capturingLogger();
  const failures: SecretError[] = [];

  beforeAll(async () => {
    emulator = await startInfisicalEmulator(seededStore(Date.now));
    tlsEmulator = await startInfisicalEmulator({ ...seededStore(Date.now), tls: true });
    const closed = await startInfisicalEmulator();
    await closed.close();
    closedPortUrl = closed.url;
  });
  afterAll(async () => {
    await emulator.close();
    await tlsEmulator.close();
  });

  async function failWith(
    config: unknown,
    reference: Record<string, unknown>,
  ): Promise<SecretError> {
    const resolver = resolverFor([integration(7, 'infisical-under-test', config)], { logger });
    try {
      const failure = await resolutionFailure(
        resolver.resolvePipeline(
          pipelineOf({
            TARGET: { integration: 'infisical-under-test', key: 'value', ...reference },
          }),
          acme,
        ),
      );
      failures.push(failure);
      expect(failure.errors).toHaveLength(1);
      return failure.errors![0]!;
    } finally {
      await resolver.close();
    }
  }

  it.each([
    [
      'AUTHENTICATION_FAILED',
      () => settingsFor(emulator.url, { clientSecret: wrongSecret }),
      { path: 'API_KEY' },
    ],
    ['PERMISSION_DENIED', () => settingsFor(emulator.url), { path: 'LOCKED' }],
    ['PERMISSION_DENIED', () => settingsFor(emulator.url), { path: 'MASKED' }],
    ['SECRET_NOT_FOUND', () => settingsFor(emulator.url), { path: 'NOT_THERE' }],
    [
      'SECRET_NOT_FOUND',
      () => settingsFor(emulator.url, { secretPath: '/frontend' }),
      { path: 'API_KEY' },
    ],
    ['VERSION_NOT_FOUND', () => settingsFor(emulator.url), { path: 'API_KEY', version: 9 }],
    ['TLS_ERROR', () => settingsFor(tlsEmulator.url), { path: 'API_KEY' }],
    ['UNREACHABLE', () => settingsFor(closedPortUrl), { path: 'API_KEY' }],
  ])('%s', async (code, config, reference) => {
    const error = await failWith(config(), reference);
    expect(error.code).toBe(code);
    expect(error.reference).toMatchObject({
      integration: 'infisical-under-test',
      path: reference.path,
    });
  });

  it('names secretPath as the likely fix for a missing folder', async () => {
    const error = await failWith(settingsFor(emulator.url, { secretPath: '/frontend' }), {
      path: 'API_KEY',
    });
    expect(error.message).toMatch(/secretPath/);
  });

  it('RATE_LIMITED once the resolver has retried twice, honouring Retry-After', async () => {
    emulator.faults.inject(infisicalRateLimitFault(0), { operation: 'read', times: 3 });
    const reads = emulator.log.count('read');
    const error = await failWith(settingsFor(emulator.url), { path: 'API_KEY' });
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 0 });
    expect(emulator.log.count('read') - reads).toBe(3);
  });

  it('INVALID_REFERENCE while planning, before any request, for a key other than value', async () => {
    const before = emulator.log.count();
    const error = await failWith(settingsFor(emulator.url), { path: 'API_KEY', key: 'password' });
    expect(error.code).toBe('INVALID_REFERENCE');
    expect(emulator.log.count()).toBe(before);
  });

  it('an unreachable store fails in under 2 s, and the process has nothing left to wait for', async () => {
    const fixture = fileURLToPath(
      new URL('./__fixtures__/unreachable-resolution.ts', import.meta.url),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    // The child must exit by itself: a retry timer or an open socket would keep it alive.
    const exitCode = await new Promise<number | string>((resolve) => {
      const deadline = setTimeout(() => {
        child.kill();
        resolve('still running after 10 s');
      }, 10_000);
      child.on('exit', (code) => {
        clearTimeout(deadline);
        resolve(code ?? 'killed');
      });
    });
    expect({ exitCode, errors }).toEqual({ exitCode: 0, errors: '' });
    const result = JSON.parse(output) as { codes: string[]; elapsedMs: number };
    expect(result.codes).toEqual(['UNREACHABLE']);
    expect(result.elapsedMs).toBeLessThan(2000);
  }, 15_000);

  it('never lets a credential, a token or a value into an error, its JSON, its cause or a log line', () => {
    expect(failures.length).toBeGreaterThanOrEqual(10);
    const forbidden = [
      ...Object.values(canary),
      wrongSecret,
      ...emulator.store.issuedTokens(),
      ...tlsEmulator.store.issuedTokens(),
    ];
    const texts = failures.flatMap((failure) => [
      failure.message,
      JSON.stringify(failure.toJSON()),
      ...(failure.errors ?? []).flatMap((error) => [error.message, String(error.cause)]),
    ]);
    for (const text of [...texts, ...logger.lines]) {
      for (const secret of forbidden) expect(text).not.toContain(secret);
    }
  });
});

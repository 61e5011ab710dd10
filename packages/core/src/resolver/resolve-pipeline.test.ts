import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import {
  ADMITTED,
  external,
  pipelineOf,
  rejection,
  setUp,
  TOKEN_CANARY,
} from './__fixtures__/resolver-setup';

function manyPaths(count: number, integration: number | string = 'vault-prod', prefix = 'p') {
  const environment: Record<string, unknown> = {};
  for (let index = 0; index < count; index++) {
    environment[`${prefix.toUpperCase()}_${index}`] = external(
      `${prefix}/${index}`,
      'key',
      undefined,
      integration,
    );
  }
  return environment;
}

function seed(store: ReturnType<typeof setUp>['store'], count: number, prefix = 'p'): void {
  for (let index = 0; index < count; index++)
    store.secrets.set(`${prefix}/${index}`, { key: `value-${prefix}-${index}` });
}

describe('concurrency', () => {
  it('keeps at most `concurrency` reads in flight per integration', async () => {
    const { resolver, store } = setUp({ concurrency: 3 });
    store.latencyMs = 5;
    seed(store, 20);
    await resolver.resolvePipeline(pipelineOf(manyPaths(20)), ADMITTED);
    expect(store.counts.reads).toBe(20);
    expect(store.maximumInFlight.get('https://one.example')).toBe(3);
  });

  it('defaults to 8 in flight, and counts each integration apart', async () => {
    const { resolver, store } = setUp();
    store.latencyMs = 5;
    seed(store, 20, 'p');
    seed(store, 20, 'q');
    await resolver.resolvePipeline(
      pipelineOf({ ...manyPaths(20, 'vault-prod', 'p'), ...manyPaths(20, 'other-store', 'q') }),
      ADMITTED,
    );
    expect(store.counts.reads).toBe(40);
    expect(store.maximumInFlight.get('https://one.example')).toBe(8);
    expect(store.maximumInFlight.get('https://two.example')).toBe(8);
  });
});

describe('deadline and cancellation', () => {
  it('fails every pending reference with TIMEOUT at the deadline, even if the provider ignores its signal', async () => {
    const { resolver, store } = setUp({ timeoutMs: 60 });
    store.latencyMs = 10_000;
    store.ignoreSignal = true;
    seed(store, 3);
    const started = performance.now();
    const error = await rejection(resolver.resolvePipeline(pipelineOf(manyPaths(3)), ADMITTED));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error.code).toBe('RESOLUTION_FAILED');
    expect(error.errors?.map((failure) => [failure.code, failure.location?.name])).toEqual([
      ['TIMEOUT', 'P_0'],
      ['TIMEOUT', 'P_1'],
      ['TIMEOUT', 'P_2'],
    ]);
    expect(error.errors?.[0]?.message).toContain('60 ms');
  });

  it('fails with CANCELLED when the caller aborts', async () => {
    const { resolver, store } = setUp();
    store.latencyMs = 10_000;
    seed(store, 2);
    const controller = new AbortController();
    const pending = rejection(
      resolver.resolvePipeline(pipelineOf(manyPaths(2)), ADMITTED, { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 10);
    const error = await pending;
    expect(error.errors?.map((failure) => failure.code)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(error.errors?.[0]?.message).toContain('cancelled by the caller');
  });

  it('reads nothing when the signal is already aborted', async () => {
    const { resolver, store } = setUp();
    seed(store, 2);
    const error = await rejection(
      resolver.resolvePipeline(pipelineOf(manyPaths(2)), ADMITTED, { signal: AbortSignal.abort() }),
    );
    expect(error.errors?.map((failure) => failure.code)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(store.counts.reads).toBe(0);
  });
});

describe('failures', () => {
  it('lists every failing reference and returns nothing partial', async () => {
    const { resolver, store } = setUp();
    store.secrets.set('ok', { key: 'CANARY-GOOD-VALUE-77' });
    store.secrets.set('typo', { api_key: 'CANARY-OTHER-VALUE-78' });
    store.fail = (request) =>
      request.path === 'denied'
        ? new SecretError({
            code: 'PERMISSION_DENIED',
            message: 'the policy forbids reading "denied"',
          })
        : undefined;
    const error = await rejection(
      resolver.resolvePipeline(
        pipelineOf({
          GOOD: external('ok', 'key'),
          MISSING: external('absent', 'key'),
          DENIED: external('denied', 'key'),
          TYPO: external('typo', 'api_ky'),
        }),
        ADMITTED,
      ),
    );
    expect(error.code).toBe('RESOLUTION_FAILED');
    expect(error.errors?.map((failure) => [failure.location?.name, failure.code])).toEqual([
      ['MISSING', 'SECRET_NOT_FOUND'],
      ['DENIED', 'PERMISSION_DENIED'],
      ['TYPO', 'KEY_NOT_FOUND'],
    ]);
    for (const failure of error.errors ?? []) {
      expect(failure.integration).toEqual({ id: 1, name: 'vault-prod', type: 'fake' });
      expect(failure.reference).toMatchObject({
        integration: 'vault-prod',
        key: expect.any(String),
      });
    }
    expect(error.errors?.[2]?.message).toContain('did you mean "api_key"?');
    expect(error.message).toContain('step "deploy", environment MISSING');
    expect(store.counts.reads).toBe(4);
    const everything = JSON.stringify(error.toJSON()) + String(error.cause) + error.stack;
    expect(everything).not.toContain('CANARY');
  });

  it('lists the existing keys when none is near', async () => {
    const { resolver, store } = setUp();
    store.secrets.set('db', { user: 'x-user', password: 'x-password' });
    const error = await rejection(
      resolver.resolvePipeline(pipelineOf({ A: external('db', 'hostname') }), ADMITTED),
    );
    expect(error.errors?.[0]?.message).toContain('its keys are "user", "password"');
    expect(error.errors?.[0]?.message).not.toContain('x-password');
  });

  it('wraps a foreign error from a provider as PROVIDER_ERROR with a sanitized cause', async () => {
    const { resolver, store } = setUp();
    const thrown = Object.assign(new TypeError(`socket said ${TOKEN_CANARY}`), {
      config: { headers: { Authorization: `Bearer ${TOKEN_CANARY}` } },
    });
    store.fail = () => thrown;
    const error = await rejection(
      resolver.resolvePipeline(pipelineOf({ A: external('x', 'key') }), ADMITTED),
    );
    const failure = error.errors![0]!;
    expect(failure.code).toBe('PROVIDER_ERROR');
    expect(failure.cause).not.toBe(thrown);
    expect(Object.keys(failure.cause as object)).not.toContain('config');
    const everything = [
      error.message,
      JSON.stringify(error.toJSON()),
      String(failure.cause),
      failure.stack,
    ].join();
    expect(everything).not.toContain(TOKEN_CANARY);
  });

  it('rejects a malformed result instead of substituting it', async () => {
    const { resolver, store } = setUp();
    store.answer = () => ({ values: { key: 42, other: { nested: 'CANARY-NESTED-99' } } });
    const error = await rejection(
      resolver.resolvePipeline(pipelineOf({ A: external('x', 'key') }), ADMITTED),
    );
    expect(error.errors?.[0]?.code).toBe('PROVIDER_ERROR');
    expect(error.errors?.[0]?.message).toContain('values["key"] is a number, not text');
    expect(error.message).not.toContain('CANARY');
  });

  it('scrubs values read in the resolution and secret settings from provider messages', async () => {
    const { resolver, store } = setUp({ concurrency: 1 });
    store.secrets.set('first', { key: 'CANARY-READ-VALUE-4242' });
    store.fail = (request) =>
      request.path === 'second'
        ? new SecretError({
            code: 'PROVIDER_ERROR',
            message: `store choked on CANARY-READ-VALUE-4242 with token ${TOKEN_CANARY}`,
            cause: new Error(`inner ${TOKEN_CANARY} CANARY-READ-VALUE-4242`),
          })
        : undefined;
    const error = await rejection(
      resolver.resolvePipeline(
        pipelineOf({ A: external('first', 'key'), B: external('second', 'key') }),
        ADMITTED,
      ),
    );
    const failure = error.errors![0]!;
    expect(failure.message).toBe('store choked on [REDACTED] with token [REDACTED]');
    const everything = [
      error.message,
      JSON.stringify(error.toJSON()),
      String(failure.cause),
      failure.stack,
    ].join();
    expect(everything).not.toContain('CANARY-READ-VALUE-4242');
    expect(everything).not.toContain(TOKEN_CANARY);
  });
});

describe('retries', () => {
  it('retries 429 honouring Retry-After, then succeeds', async () => {
    const { resolver, store, log } = setUp();
    store.secrets.set('busy', { key: 'value-after-retry' });
    store.fail = (_request, attempt) =>
      attempt <= 2
        ? new SecretError({
            code: 'RATE_LIMITED',
            message: 'too many requests',
            retryable: true,
            retryAfterMs: 15,
          })
        : undefined;
    const result = await resolver.resolvePipeline(
      pipelineOf({ A: external('busy', 'key') }),
      ADMITTED,
    );
    expect(result.secrets).toEqual(['value-after-retry']);
    expect(store.counts.reads).toBe(3);
    const retries = log.lines.filter((line) => line.includes('retrying a read'));
    expect(retries.map((line) => JSON.parse(line).fields.delayMs)).toEqual([15, 15]);
  });

  it('gives up after two retries and says so', async () => {
    const { resolver, store } = setUp();
    store.fail = () =>
      new SecretError({
        code: 'PROVIDER_ERROR',
        message: 'the store answered 503',
        retryable: true,
        retryAfterMs: 1,
      });
    const error = await rejection(
      resolver.resolvePipeline(pipelineOf({ A: external('x', 'key') }), ADMITTED),
    );
    expect(store.counts.reads).toBe(3);
    expect(error.errors?.[0]?.message).toBe('the store answered 503 (gave up after 3 attempts)');
  });

  it('does not wait for a Retry-After that would pass the deadline', async () => {
    const { resolver, store } = setUp({ timeoutMs: 2_000 });
    store.fail = () =>
      new SecretError({
        code: 'RATE_LIMITED',
        message: 'slow down',
        retryable: true,
        retryAfterMs: 60_000,
      });
    const started = performance.now();
    const error = await rejection(
      resolver.resolvePipeline(pipelineOf({ A: external('x', 'key') }), ADMITTED),
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(store.counts.reads).toBe(1);
    expect(error.errors?.[0]?.code).toBe('RATE_LIMITED');
    expect(error.errors?.[0]?.message).toContain('would pass the deadline');
  });

  it.each([
    'AUTHENTICATION_FAILED',
    'PERMISSION_DENIED',
    'SECRET_NOT_FOUND',
    'UNREACHABLE',
    'TLS_ERROR',
  ] as const)('fails fast on %s: one read, no retry', async (code) => {
    const { resolver, store } = setUp();
    store.fail = () => new SecretError({ code, message: `failed with ${code}` });
    const error = await rejection(
      resolver.resolvePipeline(pipelineOf({ A: external('x', 'key') }), ADMITTED),
    );
    expect(store.counts.reads).toBe(1);
    expect(error.errors?.[0]?.code).toBe(code);
  });
});

describe('abort listeners', () => {
  it('raises no MaxListenersExceededWarning for many reads and many concurrent resolutions', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', onWarning);
    try {
      const { resolver, store } = setUp({ concurrency: 32 });
      store.latencyMs = 5;
      seed(store, 30);
      const runs = Array.from({ length: 20 }, () =>
        resolver.resolvePipeline(pipelineOf(manyPaths(30)), ADMITTED),
      );
      await Promise.all(runs);
      await new Promise((resolve) => setImmediate(resolve));
      expect(store.counts.reads).toBe(600);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelay, withRetries } from './retry-policy';

const unavailable = (retryAfterMs?: number) =>
  new SecretError({
    code: 'PROVIDER_ERROR',
    message: 'the store answered 503',
    retryable: true,
    retryAfterMs,
  });

describe('retryDelay', () => {
  const policy = (random: number): RetryPolicy => ({
    ...DEFAULT_RETRY_POLICY,
    random: () => random,
  });

  it('backs off exponentially with equal jitter, within the cap', () => {
    expect([0, 1, 2].map((retry) => retryDelay(policy(0), retry, unavailable()))).toEqual([
      100, 200, 400,
    ]);
    expect([0, 1, 2].map((retry) => retryDelay(policy(0.999), retry, unavailable()))).toEqual([
      200, 400, 800,
    ]);
    expect(retryDelay(policy(0.5), 10, unavailable())).toBe(1500);
  });

  it('honours Retry-After over the backoff', () => {
    expect(retryDelay(policy(0.5), 0, unavailable(4_000))).toBe(4_000);
  });
});

describe('withRetries', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits the backoff between attempts and stops after two retries', async () => {
    vi.useFakeTimers();
    const attempts: number[] = [];
    const outcome = withRetries(
      async () => {
        attempts.push(Date.now());
        throw unavailable();
      },
      {
        policy: { ...DEFAULT_RETRY_POLICY, random: () => 0 },
        signal: new AbortController().signal,
        remainingMs: () => 60_000,
      },
    ).catch((error: SecretError) => error);
    await vi.runAllTimersAsync();
    const error = await outcome;
    expect(error.message).toBe('the store answered 503 (gave up after 3 attempts)');
    expect(attempts.map((time) => time - attempts[0]!)).toEqual([0, 100, 300]);
  });

  it('does not retry an error that is not retryable', async () => {
    let calls = 0;
    const denied = new SecretError({ code: 'PERMISSION_DENIED', message: 'no' });
    const error = await withRetries(
      async () => {
        calls++;
        throw denied;
      },
      {
        policy: DEFAULT_RETRY_POLICY,
        signal: new AbortController().signal,
        remainingMs: () => 60_000,
      },
    ).catch((caught: unknown) => caught);
    expect(error).toBe(denied);
    expect(calls).toBe(1);
  });

  it('stops waiting when the signal aborts', async () => {
    const controller = new AbortController();
    const pending = withRetries(
      async () => {
        throw unavailable(10_000);
      },
      { policy: DEFAULT_RETRY_POLICY, signal: controller.signal, remainingMs: () => 60_000 },
    ).catch((error: Error) => error.name);
    // Abort while it waits out the 10 s Retry-After, not before the first attempt.
    setTimeout(() => controller.abort(), 5);
    await expect(pending).resolves.toBe('Aborted');
  });
});

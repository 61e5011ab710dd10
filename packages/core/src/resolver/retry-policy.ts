import { SecretError } from '../errors/secret-error';
import { abortableDelay } from './resolution-deadline';

/** How failed reads are retried. Only errors marked `retryable` (429, 502, 503, 504) are. */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 2 */
  maximumRetries: number;
  /** The first backoff, doubled each retry, before jitter. @default 200 */
  baseDelayMs: number;
  /** The longest backoff when the store gave no `Retry-After`. @default 2000 */
  maximumDelayMs: number;
  /** A number in [0, 1) for jitter. @default Math.random */
  random: () => number;
}

/** The resolver's retry policy. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maximumRetries: 2,
  baseDelayMs: 200,
  maximumDelayMs: 2000,
  random: Math.random,
});

/**
 * How long to wait before retry number `retry` (0 for the first): the store's `Retry-After`
 * when it sent one, else exponential backoff with "equal jitter" (half fixed, half random),
 * so that concurrent readers do not retry in lockstep.
 */
export function retryDelay(policy: RetryPolicy, retry: number, error: SecretError): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  const backoff = Math.min(policy.maximumDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(backoff / 2 + (backoff / 2) * policy.random());
}

/** What {@link withRetries} needs besides the operation. */
export interface RetryOptions {
  policy: RetryPolicy;
  signal: AbortSignal;
  /** Time left before the deadline; a retry that would wait past it is not made. */
  remainingMs: () => number;
  /** Told about each retry, for logging. */
  onRetry?: (retry: number, delayMs: number, error: SecretError) => void;
}

/**
 * Runs `operation`, and again after a backoff while it fails with a retryable `SecretError`,
 * at most `policy.maximumRetries` times and never past the deadline. Anything else fails at
 * once. The final error says how many attempts were made when there was more than one.
 */
export async function withRetries<T>(
  operation: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await operation();
    } catch (error) {
      if (!SecretError.isInstance(error) || !error.retryable || options.signal.aborted) {
        throw error;
      }
      if (retry >= options.policy.maximumRetries) throw gaveUp(error, retry + 1, '');
      const delay = retryDelay(options.policy, retry, error);
      if (delay >= options.remainingMs()) {
        throw gaveUp(error, retry + 1, `; waiting ${delay} ms more would pass the deadline`);
      }
      options.onRetry?.(retry + 1, delay, error);
      await abortableDelay(delay, options.signal);
    }
  }
}

function gaveUp(error: SecretError, attempts: number, reason: string): SecretError {
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  return new SecretError({
    ...error.toOptions(),
    message: `${error.message} (gave up after ${tries}${reason})`,
  });
}

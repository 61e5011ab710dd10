import { SecretError } from '@fromsecret/core';

/**
 * Waits `milliseconds`, or rejects with `CANCELLED` as soon as `signal` aborts, so that a
 * slow store never holds a caller that has given up.
 */
export function abortableDelay(
  milliseconds: number,
  signal: AbortSignal,
  describeOperation: () => string,
): Promise<void> {
  if (signal.aborted) return Promise.reject(cancelledError(describeOperation()));
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError(describeOperation()));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The `CANCELLED` error for an operation the caller aborted. */
export function cancelledError(operation: string): SecretError {
  return new SecretError({
    code: 'CANCELLED',
    message: `${operation} was cancelled by the caller before it completed; nothing was read.`,
  });
}

/** Waits for `promise`, or rejects with `CANCELLED` as soon as `signal` aborts. */
export function untilAborted<Result>(
  promise: Promise<Result>,
  signal: AbortSignal,
  describeOperation: () => string,
): Promise<Result> {
  if (signal.aborted) return Promise.reject(cancelledError(describeOperation()));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(cancelledError(describeOperation()));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

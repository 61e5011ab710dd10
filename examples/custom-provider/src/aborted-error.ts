import { SecretError } from '@fromsecret/core';

/**
 * The error for a call whose signal aborted. The resolver aborts with its own `SecretError`
 * (`TIMEOUT` at its deadline, `CANCELLED` when closed), which is passed on as it is; another
 * `TimeoutError` reason is `TIMEOUT`; anything else is the caller cancelling.
 */
export function abortedError(signal: AbortSignal, file: string): SecretError {
  const reason: unknown = signal.reason;
  if (SecretError.isInstance(reason)) return reason;
  if ((reason as { name?: unknown } | undefined)?.name === 'TimeoutError') {
    return new SecretError({
      code: 'TIMEOUT',
      message: `Reading the secrets file ${file} was stopped because the deadline passed; check that the file system holding it answers (a network mount?), or raise the resolver's timeoutMs.`,
    });
  }
  return new SecretError({
    code: 'CANCELLED',
    message: `Reading the secrets file ${file} was cancelled by the caller before it completed; nothing was read.`,
  });
}

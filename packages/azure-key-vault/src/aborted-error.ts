import { SecretError } from '@fromsecret/core';

/**
 * The error for an operation whose signal aborted: the reason itself when the caller
 * aborted with a `SecretError`, `TIMEOUT` when the reason is a `TimeoutError` (a deadline,
 * as `AbortSignal.timeout` gives), and `CANCELLED` otherwise.
 */
export function abortedError(signal: AbortSignal, action: string): SecretError {
  const reason: unknown = signal.reason;
  if (SecretError.isInstance(reason)) return reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new SecretError({
      code: 'TIMEOUT',
      message: `${action} did not finish before the deadline; check that the vault and Entra ID answer from this host, or raise the resolver's timeoutMs`,
    });
  }
  return new SecretError({ code: 'CANCELLED', message: `${action} was cancelled by the caller` });
}

import { redactText } from '../errors/redact-text';
import { sanitizeCause } from '../errors/sanitize-cause';
import { SecretError } from '../errors/secret-error';

/**
 * A copy of `error` with every given secret (values read, `secret: true` settings) and
 * anything shaped like a credential removed from its message, its issues, its cause chain
 * and its nested errors. The resolver's second line of defence: a provider, ours or a third
 * party's, should never have put a secret there at all.
 */
export function scrubError(error: SecretError, secrets: readonly string[]): SecretError {
  const options = error.toOptions();
  return new SecretError({
    ...options,
    message: redactText(options.message, secrets),
    issues: options.issues?.map((issue) => redactText(issue, secrets)),
    cause: options.cause === undefined ? undefined : sanitizeCause(options.cause, secrets),
    errors: options.errors?.map((nested) => scrubError(nested, secrets)),
  });
}

/**
 * `error` as a `SecretError`: itself when it is one, else `PROVIDER_ERROR` naming what was
 * being done, with the foreign error sanitized (headers, bodies and configs dropped) as the
 * cause. The contract says providers (and stores) throw only `SecretError`s; this catches
 * those that don't, and names the `culprit` to report it to.
 */
export function asSecretError(
  error: unknown,
  doing: string,
  secrets: readonly string[],
  culprit = 'provider',
): SecretError {
  if (SecretError.isInstance(error)) return error;
  const cause = sanitizeCause(error, secrets);
  return new SecretError({
    code: 'PROVIDER_ERROR',
    message: `${doing} failed unexpectedly (${cause.name}: ${cause.message}). The ${culprit} should throw a SecretError instead; report this to its authors.`,
    cause,
  });
}

import { SecretError, type SecretErrorCode } from '@fromsecret/core';
import { expect } from 'vitest';

/** Awaits `call`, expects it to fail with a `SecretError` of `code`, and returns the error. */
export async function expectSecretError(
  call: () => unknown,
  code: SecretErrorCode,
): Promise<SecretError> {
  let failure: unknown;
  try {
    await call();
  } catch (error) {
    failure = error;
  }
  expect(SecretError.isInstance(failure), `not a SecretError: ${String(failure)}`).toBe(true);
  const error = failure as SecretError;
  expect(error.code, error.message).toBe(code);
  return error;
}

/** Every text of an error a host could show or log: message, JSON form, cause. */
export function errorTexts(error: SecretError): string {
  return [error.message, JSON.stringify(error.toJSON()), String(error.cause)].join('\n');
}

import { SecretError, type SecretErrorCode } from '@fromsecret/core';
import { expect } from 'vitest';

/**
 * Runs `action` and asserts that it fails with a `SecretError` of `code`; returns the error
 * for further checks. A success, a foreign error or another code fails the test with the
 * message the provider gave.
 */
export async function expectSecretError(
  action: () => unknown,
  code: SecretErrorCode,
): Promise<SecretError> {
  let failure: unknown;
  let succeeded = false;
  try {
    await action();
    succeeded = true;
  } catch (error) {
    failure = error;
  }
  expect(succeeded, `expected a SecretError ${code}, but the call succeeded`).toBe(false);
  expect(
    SecretError.isInstance(failure),
    `expected a SecretError ${code}, got ${String(failure)}`,
  ).toBe(true);
  const error = failure as SecretError;
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  expect(error.message.trim().length, 'the error needs a message').toBeGreaterThan(0);
  return error;
}

import { SecretError } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { infisicalVersion, validateInfisicalReference } from './infisical-reference';

function invalidReferenceMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (SecretError.isInstance(error) && error.code === 'INVALID_REFERENCE') return error.message;
    throw error;
  }
  throw new Error('no INVALID_REFERENCE was thrown');
}

describe('validateInfisicalReference', () => {
  it('accepts a key name with key value and an integer version', () => {
    expect(() => validateInfisicalReference({ path: 'API_KEY', key: 'value' })).not.toThrow();
    expect(() =>
      validateInfisicalReference({ path: 'API_KEY', key: 'value', version: 3 }),
    ).not.toThrow();
  });

  it('requires key: value, naming the key that was used', () => {
    const message = invalidReferenceMessage(() =>
      validateInfisicalReference({ path: 'API_KEY', key: 'password' }),
    );
    expect(message).toMatch(/must use key: value/);
    expect(message).toContain('"password"');
  });

  it('refuses a folder in the path and points at secretPath', () => {
    const message = invalidReferenceMessage(() =>
      validateInfisicalReference({ path: 'backend/API_KEY', key: 'value' }),
    );
    expect(message).toMatch(/secretPath/);
  });
});

describe('infisicalVersion', () => {
  it('reads absent and 0 as the latest, and keeps a positive integer', () => {
    expect(infisicalVersion(undefined)).toBeUndefined();
    expect(infisicalVersion(0)).toBeUndefined();
    expect(infisicalVersion(4)).toBe(4);
  });

  it('refuses a version string, with a hint when it is a number in quotes', () => {
    expect(invalidReferenceMessage(() => infisicalVersion('3'))).toMatch(
      /without quotes \(version: 3\)/,
    );
    expect(invalidReferenceMessage(() => infisicalVersion('a1b2'))).toMatch(/whole number/);
  });

  it.each([[-1], [1.5], [Number.MAX_SAFE_INTEGER + 2]])('refuses the version %d', (version) => {
    expect(invalidReferenceMessage(() => infisicalVersion(version))).toMatch(/whole numbers/);
  });
});

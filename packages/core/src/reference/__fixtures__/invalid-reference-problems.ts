import { expect } from 'vitest';
import { SecretError } from '../../errors/secret-error';
import { parseFromSecret } from '../parse-from-secret';

/**
 * Runs parseFromSecret on a value that must be rejected, checks it threw one
 * INVALID_REFERENCE error whose message holds every issue, and returns the issues.
 */
export function invalidReferenceProblems(value: unknown): readonly string[] {
  try {
    parseFromSecret(value);
  } catch (error) {
    expect(SecretError.isInstance(error)).toBe(true);
    const secretError = error as SecretError;
    expect(secretError.code).toBe('INVALID_REFERENCE');
    expect(secretError.issues?.length).toBeGreaterThan(0);
    for (const issue of secretError.issues ?? []) expect(secretError.message).toContain(issue);
    return secretError.issues ?? [];
  }
  throw new Error('expected parseFromSecret to throw');
}

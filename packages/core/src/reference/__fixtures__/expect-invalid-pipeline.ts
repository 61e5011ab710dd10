import { expect } from 'vitest';
import { SecretError } from '../../errors/secret-error';
import { findReferences } from '../find-references';

/**
 * Runs findReferences on a pipeline that must be rejected, checks the failure has the shape
 * of design §11 (one RESOLUTION_FAILED whose errors are all INVALID_REFERENCE) and returns it.
 */
export function expectInvalidPipeline(pipeline: unknown): SecretError {
  try {
    findReferences(pipeline);
  } catch (error) {
    expect(SecretError.isInstance(error)).toBe(true);
    const failure = error as SecretError;
    expect(failure.code).toBe('RESOLUTION_FAILED');
    expect(failure.errors?.length).toBeGreaterThan(0);
    for (const inner of failure.errors ?? []) expect(inner.code).toBe('INVALID_REFERENCE');
    return failure;
  }
  throw new Error('expected findReferences to reject the pipeline');
}

import { SecretError } from '@fromsecret/core';
import { CliError } from '../cli-error';
import type { SourcePosition } from '../files/source-position';
import { isProblemsFound, type Problem } from '../problems-found';

/** Finds where in the user's files a library error is (from its `location`), when it can. */
export type LocateError = (error: SecretError) => SourcePosition | undefined;

/**
 * The problems a thrown value stands for: each entry of a {@link ProblemsFound}, each failure
 * inside a `RESOLUTION_FAILED` error (recursively), or the error itself. Anything that is
 * neither a `SecretError` nor a `CliError` is not a problem of the user's making: it is thrown
 * on, to be reported as a bug.
 */
export function flattenProblems(thrown: unknown, locate?: LocateError): Problem[] {
  if (isProblemsFound(thrown)) return [...thrown.problems];
  if (thrown instanceof CliError) return [{ error: thrown }];
  if (!SecretError.isInstance(thrown)) throw thrown;
  return leafErrors(thrown).map((error) => {
    const position = locate?.(error);
    return position === undefined ? { error } : { error, position };
  });
}

function leafErrors(error: SecretError): SecretError[] {
  if (
    error.code !== 'RESOLUTION_FAILED' ||
    error.errors === undefined ||
    error.errors.length === 0
  ) {
    return [error];
  }
  return error.errors.flatMap(leafErrors);
}

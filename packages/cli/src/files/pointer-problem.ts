import type { SecretError } from '@fromsecret/core';
import { CliError, type CliErrorCode } from '../cli-error';

/** A problem found at a JSON pointer of a parsed file, before it is given a line and column. */
export interface PointerProblem {
  /** JSON pointer (RFC 6901) of the value at fault; `''` for the whole file. */
  pointer: string;
  error: CliError | SecretError;
  /** Whether the problem is with the entry's key (an unknown key) rather than its value. */
  target?: 'key' | 'value';
}

/** A {@link PointerProblem} with a new {@link CliError}. */
export function pointerProblem(
  pointer: string,
  code: CliErrorCode,
  message: string,
): PointerProblem {
  return { pointer, error: new CliError(code, message) };
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

import type { SecretError } from '@fromsecret/core';
import type { CliError } from './cli-error';
import type { SourcePosition } from './files/source-position';

/** One problem to report: the error, and where in an input file it is when that is known. */
export interface Problem {
  error: SecretError | CliError;
  position?: SourcePosition;
}

/**
 * Thrown by a command that found several problems at once (every bad reference in a pipeline,
 * every bad entry in an integrations file), so that all of them are reported together.
 */
export class ProblemsFound extends Error {
  override readonly name = 'ProblemsFound';
  /** Every problem, in file order. */
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found`);
    this.problems = problems;
  }
}

/** True for a {@link ProblemsFound}. */
export function isProblemsFound(error: unknown): error is ProblemsFound {
  return error instanceof ProblemsFound;
}

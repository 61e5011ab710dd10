import { SecretError } from '../errors/secret-error';
import type { ReferenceLocation } from './secret-reference';

const SHAPE_HINT =
  'A reference is a secret name (from_secret: my_token) or a map of integration, path, key ' +
  'and an optional version (from_secret: { integration: vault-prod, path: crow/myapp, key: api_key }).';
const LONGEST_POINTER_SHOWN = 200;
const PROBLEMS_SHOWN_IN_SUMMARY = 5;

/** One problem found while walking a pipeline, before it becomes part of the aggregate error. */
export interface PipelineProblem {
  /** JSON pointer to the value at fault (`''` for the pipeline itself). */
  pointer: string;
  /** What is wrong and how to fix it, one entry per problem. */
  problems: readonly string[];
  /** Where the reference stands, when the problem is inside a variable or a setting. */
  location?: ReferenceLocation;
  /**
   * `pipeline` when the pipeline's shape keeps the walk from looking for references there
   * (`steps` is a number, a step is a `Map`); `reference` otherwise.
   */
  scope: 'reference' | 'pipeline';
}

/**
 * The `INVALID_REFERENCE` error for one malformed `from_secret` value, listing every problem
 * (also in `issues`, for programs). With `problem.location` the message says where it is.
 */
export function invalidReferenceError(
  problems: readonly string[],
  where?: PipelineProblem,
): SecretError {
  const place = where === undefined ? '' : ` ${describePlace(where)}`;
  const list =
    problems.length === 1
      ? `: ${problems[0]}`
      : ` (${problems.length} problems):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`;
  const message =
    where?.scope === 'pipeline'
      ? `Cannot look for from_secret references${place}${list}`
      : `Invalid from_secret reference${place}${list}\n${SHAPE_HINT}`;
  return new SecretError({
    code: 'INVALID_REFERENCE',
    message,
    issues: [...problems],
    ...(where?.location === undefined ? {} : { location: where.location }),
  });
}

/**
 * The one `RESOLUTION_FAILED` error for a pipeline with malformed references: `errors` holds
 * an `INVALID_REFERENCE` error per problem; the message counts them and shows the first few.
 */
export function invalidPipelineError(found: readonly PipelineProblem[]): SecretError {
  const shown = found.slice(0, PROBLEMS_SHOWN_IN_SUMMARY).map((problem) => {
    const others = problem.problems.length - 1;
    const more = others > 0 ? ` (and ${others} more at the same place)` : '';
    return `  - ${shortPointer(problem.pointer)}: ${problem.problems[0]}${more}`;
  });
  const hidden = found.length - shown.length;
  if (hidden > 0) shown.push(`  ... and ${hidden} more (see the error's "errors")`);
  const count = found.length === 1 ? '1 problem' : `${found.length} problems`;
  return new SecretError({
    code: 'RESOLUTION_FAILED',
    message: `The pipeline's from_secret references have ${count}; nothing was resolved. Fix each one:\n${shown.join('\n')}`,
    errors: found.map((problem) => invalidReferenceError(problem.problems, problem)),
  });
}

function describePlace(where: PipelineProblem): string {
  const pointer = shortPointer(where.pointer);
  const location = where.location;
  if (location === undefined) return `at ${pointer}`;
  const owner = location.group === 'steps' ? 'step' : 'service';
  const holder = location.section === 'environment' ? 'environment variable' : 'setting';
  return `at ${pointer} (${owner} ${quote(location.step)}, ${holder} ${quote(location.name)})`;
}

function shortPointer(pointer: string): string {
  if (pointer === '') return '(the pipeline itself)';
  return quote(pointer);
}

/** Quotes a name for a message, cut short so that a huge key cannot flood it. */
function quote(text: string): string {
  return text.length > LONGEST_POINTER_SHOWN
    ? `${JSON.stringify(text.slice(0, LONGEST_POINTER_SHOWN))}…`
    : JSON.stringify(text);
}

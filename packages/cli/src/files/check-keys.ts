import { closestMatch } from '@fromsecret/core';
import { CliError, type CliErrorCode } from '../cli-error';
import { escapePointerSegment, type PointerProblem } from './pointer-problem';

/** True for a map as a YAML parser produces it. */
export function isMapValue(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One problem per key of `map` that is not in `allowed`, at the key itself, with the nearest
 * valid key when there is one (`nme` → `name`). `what` names the map in messages.
 */
export function unknownKeyProblems(
  map: Record<string, unknown>,
  allowed: readonly string[],
  pointer: string,
  what: string,
  code: CliErrorCode,
): PointerProblem[] {
  const problems: PointerProblem[] = [];
  for (const key of Object.keys(map)) {
    if (allowed.includes(key)) continue;
    const suggestion = closestMatch(key, allowed);
    const hint = suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`;
    problems.push({
      pointer: `${pointer}/${escapePointerSegment(key)}`,
      target: 'key',
      error: new CliError(
        code,
        `Unknown key ${JSON.stringify(key)} in ${what}.${hint} Valid keys: ${allowed.join(', ')}.`,
      ),
    });
  }
  return problems;
}

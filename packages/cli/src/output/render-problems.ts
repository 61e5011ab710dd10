import { formatPosition } from '../files/source-position';
import type { Problem } from '../problems-found';

/**
 * Problems as compiler-style lines for a terminal: `file:line:column: CODE: message`, the
 * message's further lines indented, then a count when there is more than one.
 */
export function renderProblems(problems: readonly Problem[]): string {
  const lines = problems.map((problem) => {
    const where = problem.position === undefined ? 'fromsecret' : formatPosition(problem.position);
    const [first, ...rest] = problem.error.message.split('\n');
    const continuation = rest.map((line) => `\n  ${line}`).join('');
    return `${where}: ${problem.error.code}: ${first}${continuation}\n`;
  });
  if (problems.length > 1) lines.push(`${problems.length} problems.\n`);
  return lines.join('');
}

/** Problems in the `errors` array of `--json` output: each error's JSON form and its position. */
export function problemsToJson(problems: readonly Problem[]): object[] {
  return problems.map((problem) =>
    problem.position === undefined
      ? problem.error.toJSON()
      : { ...problem.error.toJSON(), position: problem.position },
  );
}

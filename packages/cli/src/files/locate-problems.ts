import type { Problem } from '../problems-found';
import type { PointerProblem } from './pointer-problem';
import { positionOfPointer, type YamlSource } from './yaml-positions';

/** Gives each problem found at a JSON pointer its `file:line:column`, in file order. */
export function locateProblems(source: YamlSource, problems: readonly PointerProblem[]): Problem[] {
  return problems
    .map((problem) => ({
      error: problem.error,
      position: positionOfPointer(source, problem.pointer, problem.target ?? 'value'),
    }))
    .sort(
      (left, right) =>
        (left.position.line ?? 0) - (right.position.line ?? 0) ||
        (left.position.column ?? 0) - (right.position.column ?? 0),
    );
}

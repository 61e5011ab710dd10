/** The median of `values` (the mean of the middle two for an even count); needs at least one. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * The `rank`th percentile of `values` by linear interpolation between the closest ranks, as
 * spreadsheets compute it; needs at least one value.
 */
export function percentile(values: readonly number[], rank: number): number {
  if (values.length === 0) throw new Error('A percentile of no values is undefined.');
  const sorted = [...values].sort((left, right) => left - right);
  const position = ((sorted.length - 1) * rank) / 100;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

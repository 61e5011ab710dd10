import { substituteAtPlaces } from '../reference/substitute-at-places';
import { buildRecords } from './build-records';
import type { FetchOutcome } from './fetch-reads';
import type { ResolutionPlan } from './plan-resolution';
import type { ResolutionResult } from './secret-resolver';

/**
 * The result of a resolution whose every reference has a value: the substituted copy of the
 * pipeline (the input is left untouched), the distinct values to mask, and the records.
 */
export function buildResolution<Pipeline>(
  plan: ResolutionPlan,
  outcome: FetchOutcome,
): ResolutionResult<Pipeline> {
  const { values } = outcome;
  // From the places the walk recorded: no pointer parsed again, no object per reference.
  const substituted = substituteAtPlaces(plan.places, values);
  // In document order of first use, as a Set keeps them.
  const secrets = [...new Set(values as string[])];
  return {
    pipeline: substituted as Pipeline,
    secrets,
    records: buildRecords(plan, outcome),
  };
}

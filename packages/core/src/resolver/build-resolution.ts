import { PipelineSubstitution } from '../reference/pipeline-substitution';
import { buildRecords } from './build-records';
import type { FetchOutcome } from './fetch-reads';
import type { ResolutionPlan } from './plan-resolution';
import type { ResolutionResult } from './secret-resolver';

/**
 * The result of a resolution whose every reference has a value: the substituted copy of the
 * pipeline (the input is left untouched), the distinct values to mask, and the records.
 */
export function buildResolution<Pipeline>(
  pipeline: Pipeline,
  plan: ResolutionPlan,
  outcome: FetchOutcome,
): ResolutionResult<Pipeline> {
  const { references } = plan;
  const { values } = outcome;
  // Each pointer and value is handed over as it stands: no replacement object per reference.
  const substitution = new PipelineSubstitution(pipeline);
  for (let index = 0; index < references.length; index++) {
    substitution.replace(references[index]!.location.pointer, values[index]);
  }
  // In document order of first use, as a Set keeps them.
  const secrets = [...new Set(values as string[])];
  return {
    pipeline: substitution.result as Pipeline,
    secrets,
    records: buildRecords(plan, outcome),
  };
}

import { substituteReferences } from '../reference/substitute-references';
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
  const replacements = plan.references.map((located, index) => ({
    pointer: located.location.pointer,
    value: outcome.values[index]!,
  }));
  const substituted = substituteReferences(pipeline, replacements) as Pipeline;
  const secrets = [...new Set(replacements.map((replacement) => replacement.value))];
  return { pipeline: substituted, secrets, records: buildRecords(plan, outcome) };
}

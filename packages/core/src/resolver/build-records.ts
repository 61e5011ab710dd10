import type { ExternalReference } from '../reference/secret-reference';
import type { FetchOutcome } from './fetch-reads';
import type { ResolutionPlan } from './plan-resolution';
import type { ResolutionRecord } from './secret-resolver';

/**
 * One record per reference, in document order: where the value came from, which version the
 * store returned, when, and whether the read was shared. Records never hold a value.
 */
export function buildRecords(plan: ResolutionPlan, outcome: FetchOutcome): ResolutionRecord[] {
  const { references } = plan;
  const records = new Array<ResolutionRecord>(references.length);
  for (const group of plan.reads) {
    const { resolvedAt, resolvedVersion } = outcome.receipts.get(group)!;
    const shared = group.indices.length > 1;
    const integration = group.used.descriptor;
    for (const index of group.indices) {
      const { reference, location } = references[index]!;
      const { path, key, version } = reference as ExternalReference;
      const record: ResolutionRecord = {
        kind: 'external',
        integration: { ...integration },
        path,
        key,
        resolvedAt,
        shared,
        location,
      };
      if (version !== undefined) record.version = version;
      if (resolvedVersion !== undefined) record.resolvedVersion = resolvedVersion;
      records[index] = record;
    }
  }
  for (const group of plan.internalReads) {
    const { resolvedAt } = outcome.receipts.get(group)!;
    const shared = group.indices.length > 1;
    for (const index of group.indices) {
      const { location } = references[index]!;
      records[index] = { kind: 'internal', name: group.name, resolvedAt, shared, location };
    }
  }
  return records;
}

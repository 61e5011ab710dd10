import type { FetchOutcome } from './fetch-reads';
import type { ResolutionPlan } from './plan-resolution';
import type { ResolutionRecord } from './secret-resolver';

/**
 * One record per reference, in document order: where the value came from, which version the
 * store returned, when, and whether the read was shared. Records never hold a value.
 */
export function buildRecords(plan: ResolutionPlan, outcome: FetchOutcome): ResolutionRecord[] {
  const records = new Array<ResolutionRecord>(plan.references.length);
  for (const group of plan.reads) {
    const { resolvedAt, resolvedVersion } = outcome.receipts.get(group)!;
    const shared = group.references.length > 1;
    const integration = group.used.descriptor;
    for (const item of group.references) {
      const { path, key, version } = item.reference;
      const location = item.located.location;
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
      records[item.index] = record;
    }
  }
  for (const group of plan.internalReads) {
    const { resolvedAt } = outcome.receipts.get(group)!;
    const shared = group.references.length > 1;
    for (const item of group.references) {
      const location = item.located.location;
      records[item.index] = { kind: 'internal', name: group.name, resolvedAt, shared, location };
    }
  }
  return records;
}

import type { FetchOutcome } from './fetch-reads';
import type { ResolutionPlan } from './plan-resolution';
import type { ResolutionRecord } from './secret-resolver';

/**
 * One record per reference, in document order: where the value came from, which version the
 * store returned, when, and whether the read was shared. Records never hold a value.
 */
export function buildRecords(plan: ResolutionPlan, outcome: FetchOutcome): ResolutionRecord[] {
  const records: Array<[number, ResolutionRecord]> = [];
  for (const group of plan.reads) {
    const shared = group.references.length > 1;
    for (const item of group.references) {
      const fetched = outcome.fetched.get(item.index)!;
      const { path, key, version } = item.reference;
      const record: ResolutionRecord = {
        kind: 'external',
        integration: { ...group.used.descriptor },
        path,
        key,
        resolvedAt: fetched.resolvedAt,
        shared,
        location: item.located.location,
      };
      if (version !== undefined) record.version = version;
      if (fetched.resolvedVersion !== undefined) record.resolvedVersion = fetched.resolvedVersion;
      records.push([item.index, record]);
    }
  }
  for (const group of plan.internalReads) {
    const shared = group.references.length > 1;
    for (const item of group.references) {
      const { resolvedAt } = outcome.fetched.get(item.index)!;
      const location = item.located.location;
      records.push([
        item.index,
        { kind: 'internal', name: group.name, resolvedAt, shared, location },
      ]);
    }
  }
  return records.sort(([left], [right]) => left - right).map(([, record]) => record);
}

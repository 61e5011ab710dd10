import type { ExternalReference, ReferenceLocation } from '../reference/secret-reference';
import type { FetchOutcome, ReadReceipt } from './fetch-reads';
import type { ResolutionPlan } from './plan-resolution';
import type { ExternalResolutionRecord, ResolutionRecord } from './secret-resolver';

/**
 * One record per reference, in document order: where the value came from, which version the
 * store returned, when, and whether the read was shared. Records never hold a value.
 */
export function buildRecords(plan: ResolutionPlan, outcome: FetchOutcome): ResolutionRecord[] {
  const { references } = plan;
  const records = new Array<ResolutionRecord>(references.length);
  for (const group of plan.reads) {
    const receipt = outcome.receipts.get(group)!;
    const shared = group.indices.length > 1;
    const { descriptor } = group.used;
    const { indices } = group;
    for (let position = 0; position < indices.length; position++) {
      const { reference, location } = references[indices[position]!]!;
      records[indices[position]!] = externalRecord(
        reference as ExternalReference,
        location,
        { ...descriptor },
        receipt,
        shared,
      );
    }
  }
  for (const group of plan.internalReads) {
    const { resolvedAt } = outcome.receipts.get(group)!;
    const shared = group.indices.length > 1;
    const { indices } = group;
    for (let position = 0; position < indices.length; position++) {
      const { location } = references[indices[position]!]!;
      records[indices[position]!] = {
        kind: 'internal',
        name: group.name,
        resolvedAt,
        shared,
        location,
      };
    }
  }
  return records;
}

/**
 * The record of one external reference, each form written as one literal: a key added to a
 * finished object would give it a second array for its properties, one more object per
 * record that lives as long as the result. The optional keys come last, version first.
 */
function externalRecord(
  reference: ExternalReference,
  location: ReferenceLocation,
  integration: ExternalResolutionRecord['integration'],
  receipt: ReadReceipt,
  shared: boolean,
): ExternalResolutionRecord {
  const kind = 'external';
  const { path, key, version } = reference;
  const { resolvedAt, resolvedVersion } = receipt;
  if (version === undefined) {
    return resolvedVersion === undefined
      ? { kind, integration, path, key, resolvedAt, shared, location }
      : { kind, integration, path, key, resolvedAt, shared, location, resolvedVersion };
  }
  return resolvedVersion === undefined
    ? { kind, integration, path, key, resolvedAt, shared, location, version }
    : { kind, integration, path, key, resolvedAt, shared, location, version, resolvedVersion };
}

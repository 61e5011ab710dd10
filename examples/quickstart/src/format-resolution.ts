import { type Masker, type ResolutionRecord, SecretError } from '@fromsecret/core';
import type { MemoryStore } from '@fromsecret/testkit/emulators';

/** The substituted pipeline as JSON text, every value (and its encoded forms) masked. */
export function formatMaskedPipeline(pipeline: unknown, masker: Masker): string {
  return masker.mask(JSON.stringify(pipeline, null, 2));
}

/** One line per reference: where it stands, where its value came from. Records hold no value. */
export function formatRecords(records: readonly ResolutionRecord[]): string {
  return records
    .map((record) => {
      const source =
        record.kind === 'internal'
          ? `internal secret "${record.name}"`
          : `${record.integration.name} (#${record.integration.id}, ${record.integration.type}) ${record.path} key "${record.key}" ${describeVersion(record.version, record.resolvedVersion)}`;
      return `  ${record.location.pointer.padEnd(48)} <- ${source}${record.shared ? ', shared read' : ''}`;
    })
    .join('\n');
}

function describeVersion(asked: number | string | undefined, resolved: string | undefined) {
  const wanted = asked === undefined || asked === 0 ? 'latest' : `version ${asked}`;
  return resolved === undefined ? `(${wanted})` : `(${wanted}, read version ${resolved})`;
}

/** How many requests each store answered, to show one login and one read per path. */
export function formatStoreTraffic(stores: readonly MemoryStore[]): string {
  return stores
    .map(
      (store) =>
        `  ${store.name}: ${store.requestCount('login')} login, ${store.secretReadCount()} reads (${store.requestCount()} requests in all)`,
    )
    .join('\n');
}

/** A failure as a host would show it: the message (which describes every problem), then each code by location. */
export function formatFailure(error: unknown): string {
  if (!SecretError.isInstance(error)) {
    return `Unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
  }
  const lines = [`${error.code}: ${error.message}`];
  for (const failure of error.errors ?? []) {
    const where = failure.location?.pointer ?? 'pipeline';
    lines.push(`  - ${where}: ${failure.code}`);
  }
  return `${lines.join('\n')}\n`;
}

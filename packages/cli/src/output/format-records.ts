import type { ResolutionRecord } from '@fromsecret/core';

/**
 * One line per resolved reference for people, on stderr: where it stands, where its value came
 * from (integration, path, key, version), whether one read served several references, and
 * when. Records hold no values.
 */
export function formatRecords(records: readonly ResolutionRecord[]): string {
  if (records.length === 0) return 'No from_secret references: nothing to resolve.\n';
  const lines = records.map((record) => {
    const { location } = record;
    const where = `${location.step}: ${location.section} ${location.name}`;
    const shared = record.shared ? ', shared' : '';
    const time = new Date(record.resolvedAt).toISOString();
    if (record.kind === 'internal') {
      return `  ${where} <- internal secret ${record.name}${shared}, at ${time}\n`;
    }
    const { integration } = record;
    const asked =
      record.version === undefined || record.version === 0 ? 'latest' : String(record.version);
    const got =
      record.resolvedVersion === undefined ? '' : ` (store version ${record.resolvedVersion})`;
    return `  ${where} <- ${integration.name} (#${integration.id}, ${integration.type}) path ${record.path} key ${record.key} version ${asked}${got}${shared}, at ${time}\n`;
  });
  const count = records.length === 1 ? '1 reference' : `${records.length} references`;
  return `Resolved ${count}:\n${lines.join('')}`;
}

/** The records for `--json`, each with its time also as an ISO 8601 text. */
export function recordsToJson(records: readonly ResolutionRecord[]): object[] {
  return records.map((record) => ({ ...record, time: new Date(record.resolvedAt).toISOString() }));
}

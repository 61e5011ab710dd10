import type { LoadResult } from '../sections/load-bench';
import type { ResolutionRow } from '../sections/resolution-bench';
import type { StoreResolutionRow } from '../sections/store-resolution-bench';
import { formatNumber, formatRatio, markdownTable } from './markdown-table';

/**
 * The resolution table: each strategy at each latency, with its requests and wall time as
 * multiples of fromsecret's at the same latency (measured in the same process).
 */
export function resolutionTable(rows: readonly ResolutionRow[]): string {
  const lines: string[][] = [];
  for (const row of rows) {
    const ours = rows.find(
      (other) => other.strategy === 'fromsecret' && other.latencyMs === row.latencyMs,
    );
    lines.push([
      row.strategy,
      `${row.latencyMs} ms`,
      String(row.references),
      String(row.paths),
      String(row.requests),
      String(row.minimumRequests),
      String(row.logins),
      formatNumber(row.wallMs),
      row.roundTrips === undefined ? '–' : formatNumber(row.roundTrips),
      ours === undefined ? '–' : formatRatio(row.requests / ours.requests),
      ours === undefined ? '–' : formatRatio(row.wallMs / ours.wallMs),
    ]);
    if (row.warm !== undefined) {
      lines.push([
        `${row.strategy}, next run (tokens reused)`,
        `${row.latencyMs} ms`,
        String(row.references),
        String(row.paths),
        String(row.warm.requests),
        String(row.warm.minimumRequests),
        String(row.warm.logins),
        formatNumber(row.warm.wallMs),
        row.latencyMs === 0 ? '–' : formatNumber(row.warm.wallMs / row.latencyMs),
        '–',
        '–',
      ]);
    }
  }
  return markdownTable(
    [
      'strategy',
      'latency',
      'refs',
      'paths',
      'requests',
      'minimum',
      'logins',
      'wall ms (median)',
      'round trips',
      'requests ÷ fromsecret',
      'wall ÷ fromsecret',
    ],
    lines,
  );
}

/** The load table: many resolutions at once on one resolver. */
export function loadTable(load: LoadResult): string {
  return markdownTable(
    [
      'resolutions at once',
      'failed',
      'refs each',
      'latency',
      'logins',
      'requests',
      'minimum',
      'p50 ms',
      'p99 ms',
      'max ms',
      'all done ms',
      'peak RSS MB',
      'peak heap MB',
    ],
    [
      [
        String(load.resolutions),
        load.failed === 0 ? '0' : `${load.failed}: ${load.failureCodes.join('; ')}`,
        String(load.references),
        `${load.latencyMs} ms`,
        String(load.logins),
        String(load.requests),
        String(load.minimumRequests),
        formatNumber(load.p50Ms),
        formatNumber(load.p99Ms),
        formatNumber(load.maxMs),
        formatNumber(load.totalMs),
        `${formatNumber(load.memory.peakRssMb)} (from ${formatNumber(load.memory.rssBeforeMb)})`,
        `${formatNumber(load.memory.peakHeapUsedMb)} (from ${formatNumber(load.memory.heapUsedBeforeMb)})`,
      ],
    ],
  );
}

/** fromsecret on each store alone: its requests, and its first and next resolution. */
export function storeResolutionTable(rows: readonly StoreResolutionRow[]): string {
  const roundTrips = (wallMs: number, latencyMs: number) =>
    latencyMs === 0 ? '' : ` (${formatNumber(wallMs / latencyMs)} round trips)`;
  return markdownTable(
    [
      'store',
      'latency',
      'refs',
      'paths',
      'requests of the first resolution',
      'first ms',
      'next ms',
    ],
    rows.map((row) => [
      row.store,
      `${row.latencyMs} ms`,
      String(row.references),
      String(row.paths),
      Object.entries(row.requests)
        .map(([operation, count]) => `${operation} ${count}`)
        .join(', '),
      `${formatNumber(row.wallMs)}${roundTrips(row.wallMs, row.latencyMs)}`,
      `${formatNumber(row.warmWallMs)}${roundTrips(row.warmWallMs, row.latencyMs)}`,
    ]),
  );
}

import type { BenchResults } from './bench-results';
import { formatNumber } from './markdown-table';

/** One of design §10's targets against what was measured. */
export interface TargetCheck {
  target: string;
  bar: string;
  measured: string;
  met: boolean;
  /** How far from the bar, when missed. */
  missedBy?: string;
}

/** "About 2 round trips": at most two and a half store latencies. */
const ROUND_TRIP_BAR = 2.5;
const PLANNING_SIZE = 10_000;
const PLANNING_BAR_MICROS = 5;
const MASKING_VALUES = 100;
const MASKING_RATIO_BAR = 10;
const MASKING_RATE_BAR = 300;
const CORE_IMPORT_BAR_MS = 30;

/** Checks the results against design §10; targets whose figures this run did not measure are left out. */
export function evaluateTargets(results: Omit<BenchResults, 'targets'>): TargetCheck[] {
  return [
    ...requestTargets(results),
    ...roundTripTargets(results),
    ...planningTargets(results),
    ...maskingTargets(results),
    ...coldStartTargets(results),
  ];
}

function requestTargets({ resolution }: Omit<BenchResults, 'targets'>): TargetCheck[] {
  return resolution
    .filter((row) => row.strategy === 'fromsecret')
    .map((row) => {
      const extra = row.requests - row.minimumRequests;
      return {
        target: `requests per resolution = logins + distinct paths (${row.latencyMs} ms)`,
        bar: `${row.minimumRequests} requests`,
        measured: `${row.requests} requests, ${row.logins} logins`,
        met: extra <= 0,
        ...(extra > 0
          ? {
              missedBy: `+${extra} requests (+${formatNumber((100 * extra) / row.minimumRequests)}%)`,
            }
          : {}),
      };
    });
}

function roundTripTargets({ resolution }: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const row of resolution) {
    if (row.strategy !== 'fromsecret' || row.latencyMs === 0) continue;
    const bar = ROUND_TRIP_BAR * row.latencyMs;
    const runs: Array<[string, number]> = [['first resolution, with logins', row.wallMs]];
    if (row.warm !== undefined) runs.push(['next resolution, tokens reused', row.warm.wallMs]);
    for (const [label, wallMs] of runs) {
      checks.push({
        target: `wall time at ${row.latencyMs} ms latency ≈ 2 round trips (${label})`,
        bar: `≤ ${formatNumber(bar)} ms (${ROUND_TRIP_BAR} round trips)`,
        measured: `${formatNumber(wallMs)} ms (${formatNumber(wallMs / row.latencyMs)} round trips)`,
        met: wallMs <= bar,
        ...(wallMs > bar ? { missedBy: `+${formatNumber(wallMs - bar)} ms` } : {}),
      });
    }
  }
  return checks;
}

function planningTargets({ planning }: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const row = planning.find((candidate) => candidate.references === PLANNING_SIZE);
  if (row === undefined) return [];
  const met = row.microsPerReference < PLANNING_BAR_MICROS;
  return [
    {
      target: `planning and substitution at ${PLANNING_SIZE.toLocaleString('en-US')} references`,
      bar: `< ${PLANNING_BAR_MICROS} µs per reference`,
      measured: `${formatNumber(row.microsPerReference, 2)} µs per reference`,
      met,
      ...(met
        ? {}
        : {
            missedBy: `+${formatNumber(row.microsPerReference - PLANNING_BAR_MICROS, 2)} µs (${formatNumber(row.microsPerReference / PLANNING_BAR_MICROS, 2)}× the bar)`,
          }),
    },
  ];
}

function maskingTargets({ masking, stream }: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const rows = masking.filter((candidate) => candidate.values === MASKING_VALUES);
  if (rows.length === 0) return [];
  // The bar must hold for every log size: the slowest one is the one checked.
  const ratio = Math.min(...rows.map((row) => row.ratio));
  const rate = Math.min(...rows.map((row) => row.mbPerSecond));
  const checks = [
    atLeast(
      `mask() of ${MASKING_VALUES} values against a replaceAll loop (slowest log size)`,
      ratio,
      MASKING_RATIO_BAR,
      '×',
    ),
    atLeast(
      `mask() throughput at ${MASKING_VALUES} values (slowest log size)`,
      rate,
      MASKING_RATE_BAR,
      ' MB/s',
    ),
  ];
  const streams = stream.filter((candidate) => candidate.values === MASKING_VALUES);
  if (streams.length > 0) {
    const slowest = Math.min(...streams.map((row) => row.mbPerSecond));
    checks.push(
      atLeast(
        `stream() throughput at ${MASKING_VALUES} values (the same bar, slowest chunk size)`,
        slowest,
        MASKING_RATE_BAR,
        ' MB/s',
      ),
    );
  }
  return checks;
}

function atLeast(target: string, measured: number, bar: number, unit: string): TargetCheck {
  const met = measured >= bar;
  return {
    target,
    bar: `≥ ${bar}${unit}`,
    measured: `${formatNumber(measured)}${unit}`,
    met,
    ...(met
      ? {}
      : {
          missedBy: `${formatNumber(bar - measured)}${unit} short (${formatNumber(bar / measured, 2)}× too slow)`,
        }),
  };
}

function coldStartTargets({
  coldImportMs,
  coldStart,
}: Omit<BenchResults, 'targets'>): TargetCheck[] {
  if (coldImportMs === undefined || coldStart === undefined) return [];
  const failed = coldStart.checks.filter((check) => !check.ok);
  return [
    {
      target: "import('@fromsecret/core') in a fresh process",
      bar: `< ${CORE_IMPORT_BAR_MS} ms`,
      measured: `${formatNumber(coldImportMs.core)} ms (median of ${coldStart.runs})`,
      met: coldImportMs.core < CORE_IMPORT_BAR_MS,
      ...(coldImportMs.core < CORE_IMPORT_BAR_MS
        ? {}
        : { missedBy: `+${formatNumber(coldImportMs.core - CORE_IMPORT_BAR_MS)} ms` }),
    },
    {
      target: 'no provider SDK loaded until used',
      bar: 'core and each provider load no other store’s SDK; vault loads node-vault on first use',
      measured:
        failed.length === 0
          ? 'as required'
          : failed.map((check) => `${check.package} ${check.detail}`).join('; '),
      met: failed.length === 0,
      ...(failed.length === 0 ? {} : { missedBy: `${failed.length} package(s)` }),
    },
  ];
}

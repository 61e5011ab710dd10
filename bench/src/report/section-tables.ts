import type { ColdStartResult } from '../sections/cold-start-bench';
import type { MaskingRow, StreamRow } from '../sections/masking-bench';
import type { PlanningRow } from '../sections/planning-bench';
import type { TargetCheck } from './evaluate-targets';
import { formatNumber, formatRatio, markdownTable } from './markdown-table';

/** Microseconds per reference by pipeline size. */
export function planningTable(rows: readonly PlanningRow[]): string {
  return markdownTable(
    [
      'references',
      'resolve µs/ref (no I/O)',
      'findReferences µs/ref',
      'substituteReferences µs/ref',
      'samples',
    ],
    rows.map((row) => [
      row.references.toLocaleString('en-US'),
      formatNumber(row.microsPerReference, 2),
      formatNumber(row.findMicrosPerReference, 2),
      formatNumber(row.substituteMicrosPerReference, 2),
      String(row.samples),
    ]),
  );
}

/** Masking throughput against the replaceAll loop. */
export function maskingTable(rows: readonly MaskingRow[]): string {
  return markdownTable(
    [
      'values',
      'log bytes',
      'patterns searched',
      'mask() MB/s',
      'replaceAll loop MB/s',
      'ratio',
      'createMasker ms',
    ],
    rows.map((row) => [
      String(row.values),
      row.textBytes.toLocaleString('en-US'),
      String(row.patternCount),
      formatNumber(row.mbPerSecond),
      formatNumber(row.baselineMbPerSecond),
      formatRatio(row.ratio),
      formatNumber(row.createMs, 2),
    ]),
  );
}

/** The masking stream against one-shot masking. */
export function streamTable(rows: readonly StreamRow[]): string {
  return markdownTable(
    [
      'values',
      'log bytes',
      'chunk bytes',
      'stream() MB/s',
      'PassThrough MB/s',
      'mask() MB/s',
      'stream ÷ mask()',
    ],
    rows.map((row) => [
      String(row.values),
      row.textBytes.toLocaleString('en-US'),
      row.chunkBytes.toLocaleString('en-US'),
      formatNumber(row.mbPerSecond),
      formatNumber(row.passThroughMbPerSecond),
      formatNumber(row.oneShotMbPerSecond),
      formatRatio(row.mbPerSecond / row.oneShotMbPerSecond),
    ]),
  );
}

/** Import times in fresh processes, and what each import loaded. */
export function coldStartTable(result: ColdStartResult): string {
  const keys = Object.keys(result.coldImportMs) as (keyof ColdStartResult['coldImportMs'])[];
  return markdownTable(
    ['package', 'import ms (median)', 'process ms (median)', 'packages loaded', 'check'],
    [
      ...keys.map((key, index) => {
        const check = result.checks[index]!;
        return [
          check.package,
          formatNumber(result.coldImportMs[key]),
          formatNumber(result.processMs[key]),
          String(result.loadedPackages[key].length),
          `${check.ok ? 'ok' : 'FAILED'}: ${check.detail}`,
        ];
      }),
      ['(node, no import)', '–', formatNumber(result.bareProcessMs), '0', '–'],
    ],
  );
}

/** Design §10's targets, met or missed and by how much. */
export function targetTable(checks: readonly TargetCheck[]): string {
  return markdownTable(
    ['target', 'bar', 'measured', 'met', 'missed by'],
    checks.map((check) => [
      check.target,
      check.bar,
      check.measured,
      check.met ? 'yes' : 'no',
      check.missedBy ?? '–',
    ]),
  );
}

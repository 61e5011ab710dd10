import { writeFile } from 'node:fs/promises';
import type { ColdStartResult } from '../sections/cold-start-bench';
import type { LoadResult } from '../sections/load-bench';
import type { MaskingRow, StreamRow } from '../sections/masking-bench';
import type { PlanningRow } from '../sections/planning-bench';
import type { ResolutionRow } from '../sections/resolution-bench';
import type { StoreResolutionRow } from '../sections/store-resolution-bench';
import type { TargetCheck } from './evaluate-targets';
import type { MachineDetails } from './machine-details';
import type { CollectedWarning } from './warning-collector';

/**
 * What `pnpm bench` writes to `bench/results.json`: design §10's fields (`machine`,
 * `resolution`, `planning`, `masking`, `coldImportMs`) and more (`resolutionByStore`, `load`, `stream`,
 * `coldStart`, `targets`, `warnings`). Times are in milliseconds unless a name says otherwise.
 */
export interface BenchResults {
  mode: 'full' | 'quick';
  generatedAt: string;
  /** The sections this run measured (all, unless `--only` was given). */
  sections: string[];
  machine: MachineDetails;
  resolution: ResolutionRow[];
  /** fromsecret on each store's share of the pipeline alone. */
  resolutionByStore: StoreResolutionRow[];
  load?: LoadResult;
  planning: PlanningRow[];
  masking: MaskingRow[];
  stream: StreamRow[];
  coldImportMs?: ColdStartResult['coldImportMs'];
  coldStart?: Omit<ColdStartResult, 'coldImportMs'>;
  targets: TargetCheck[];
  warnings: CollectedWarning[];
}

/** Writes the results as JSON, numbers rounded to three decimals. */
export async function writeResults(path: string, results: BenchResults): Promise<void> {
  const text = JSON.stringify(
    results,
    (_key, value: unknown) =>
      typeof value === 'number' && !Number.isInteger(value)
        ? Math.round(value * 1000) / 1000
        : value,
    2,
  );
  await writeFile(path, `${text}\n`);
}

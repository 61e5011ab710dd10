import type { BenchOptions } from '../bench-options';
import type { EmulatorFleet } from '../emulators/emulator-fleet';
import { benchPaths, STORE_TYPES, type StoreType } from '../layout/bench-paths';
import { benchPipeline } from '../layout/bench-pipeline';
import { median } from '../report/statistics';
import { benchIntegrations } from '../strategies/bench-integrations';
import { createFromsecretStrategy } from '../strategies/fromsecret-strategy';
import { type Fixture, measureRun } from './measure-run';

/** fromsecret on one store's share of the pipeline: which store sets the wall time. */
export interface StoreResolutionRow {
  store: StoreType;
  latencyMs: number;
  references: number;
  paths: number;
  /** Requests of the first resolution, by operation, from the store's log. */
  requests: Record<string, number>;
  /** Median first resolution, with its login. */
  wallMs: number;
  /** Median next resolution on the same resolver, tokens reused. */
  warmWallMs: number;
}

/**
 * Resolves, with fromsecret, a pipeline holding only one store's references (its share of the
 * resolution benchmark's paths and references), cold and warm, at each latency.
 */
export async function runStoreResolutionBench(
  options: BenchOptions['resolution'],
  fleet: EmulatorFleet,
): Promise<StoreResolutionRow[]> {
  const environment = {
    integrations: benchIntegrations(fleet.endpoints),
    endpoints: fleet.endpoints,
  };
  const allPaths = benchPaths(options.paths);
  const rows: StoreResolutionRow[] = [];
  for (const latencyMs of options.latenciesMs) {
    await fleet.setLatency(latencyMs);
    for (const store of STORE_TYPES) {
      const paths = allPaths.filter((path) => path.type === store);
      const references = Math.round((options.references * paths.length) / allPaths.length);
      const fixture: Fixture = {
        ...benchPipeline({ steps: options.steps, references }, paths),
        paths,
        distinct: Math.min(references, paths.length),
      };
      const runs = [];
      for (let run = 0; run < options.runs; run++) {
        runs.push(
          await measureRun(
            'fromsecret',
            createFromsecretStrategy,
            environment,
            fleet,
            fixture,
            true,
          ),
        );
      }
      rows.push({
        store,
        latencyMs,
        references,
        paths: fixture.distinct,
        requests: runs[runs.length - 1]!.byStore[store],
        wallMs: median(runs.map((run) => run.wallMs)),
        warmWallMs: median(runs.map((run) => run.warm!.wallMs)),
      });
    }
  }
  await fleet.setLatency(0);
  return rows;
}

import type { BenchOptions } from '../bench-options';
import type { EmulatorFleet } from '../emulators/emulator-fleet';
import { benchPaths } from '../layout/bench-paths';
import { benchPipeline } from '../layout/bench-pipeline';
import { median } from '../report/statistics';
import { benchIntegrations } from '../strategies/bench-integrations';
import { createFromsecretStrategy } from '../strategies/fromsecret-strategy';
import { createNaiveStrategy } from '../strategies/naive-strategy';
import { createPerPathCacheStrategy } from '../strategies/per-path-cache-strategy';
import type { StrategyFactory, StrategyName } from '../strategies/resolution-strategy';
import { type Fixture, measureRun, type RunMeasure } from './measure-run';
import { minimumRequests, type RequestSummary } from './request-summary';

const STRATEGIES: ReadonlyArray<[StrategyName, StrategyFactory]> = [
  ['fromsecret', createFromsecretStrategy],
  ['naive', createNaiveStrategy],
  ['per-path-cache', createPerPathCacheStrategy],
];

/** One strategy at one latency: the row design §10 asks for, and what else was seen. */
export interface ResolutionRow {
  strategy: StrategyName;
  latencyMs: number;
  references: number;
  paths: number;
  requests: number;
  logins: number;
  minimumRequests: number;
  /** Median over the runs, in milliseconds. */
  wallMs: number;
  wallMsRuns: number[];
  /** `wallMs / latencyMs`: how many store round trips the run lasted. */
  roundTrips?: number;
  requestsByStore: RequestSummary['byStore'];
  /** fromsecret only: the same pipeline again on the same resolver, with its tokens. */
  warm?: { requests: number; logins: number; minimumRequests: number; wallMs: number };
}

/** Resolves the same pipeline with each strategy at each latency, counting the stores' requests. */
export async function runResolutionBench(
  options: BenchOptions['resolution'],
  fleet: EmulatorFleet,
): Promise<ResolutionRow[]> {
  const paths = benchPaths(options.paths);
  const fixture: Fixture = {
    ...benchPipeline(options, paths),
    paths,
    distinct: Math.min(options.references, paths.length),
  };
  const environment = {
    integrations: benchIntegrations(fleet.endpoints),
    endpoints: fleet.endpoints,
  };
  await fleet.setLatency(0);
  // Untimed: loads each provider's SDK and warms the JIT, so the first measured run is no outlier.
  for (const [name, factory] of STRATEGIES)
    await measureRun(name, factory, environment, fleet, fixture, false);
  const rows: ResolutionRow[] = [];
  for (const latencyMs of options.latenciesMs) {
    await fleet.setLatency(latencyMs);
    for (const [name, factory] of STRATEGIES) {
      process.stdout.write(
        `  resolution: ${name} at ${latencyMs} ms latency, ${options.runs} runs\n`,
      );
      const runs = [];
      for (let run = 0; run < options.runs; run++) {
        runs.push(
          await measureRun(name, factory, environment, fleet, fixture, name === 'fromsecret'),
        );
      }
      rows.push(row(name, latencyMs, options.references, fixture, runs));
    }
  }
  await fleet.setLatency(0);
  return rows;
}

function row(
  strategy: StrategyName,
  latencyMs: number,
  references: number,
  fixture: Fixture,
  runs: readonly RunMeasure[],
): ResolutionRow {
  const integrationsUsed = new Set(
    fixture.paths.slice(0, fixture.distinct).map((path) => path.type),
  );
  const wallMs = median(runs.map((run) => run.wallMs));
  const last = runs[runs.length - 1]!;
  const warmRuns = runs.flatMap((run) => (run.warm === undefined ? [] : [run.warm]));
  return {
    strategy,
    latencyMs,
    references,
    paths: fixture.distinct,
    requests: Math.max(...runs.map((run) => run.requests)),
    logins: Math.max(...runs.map((run) => run.logins)),
    minimumRequests: minimumRequests(integrationsUsed.size, fixture.distinct),
    wallMs,
    wallMsRuns: runs.map((run) => run.wallMs),
    ...(latencyMs > 0 ? { roundTrips: wallMs / latencyMs } : {}),
    requestsByStore: last.byStore,
    ...(warmRuns.length === 0
      ? {}
      : {
          warm: {
            requests: Math.max(...warmRuns.map((run) => run.requests)),
            logins: Math.max(...warmRuns.map((run) => run.logins)),
            minimumRequests: fixture.distinct,
            wallMs: median(warmRuns.map((run) => run.wallMs)),
          },
        }),
  };
}

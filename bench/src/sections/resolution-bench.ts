import { isDeepStrictEqual } from 'node:util';
import type { BenchOptions } from '../bench-options';
import type { EmulatorFleet } from '../emulators/emulator-fleet';
import { type BenchPath, benchPaths } from '../layout/bench-paths';
import { type BenchPipeline, benchPipeline } from '../layout/bench-pipeline';
import { median } from '../report/statistics';
import { benchIntegrations } from '../strategies/bench-integrations';
import { createFromsecretStrategy } from '../strategies/fromsecret-strategy';
import { createNaiveStrategy } from '../strategies/naive-strategy';
import { createPerPathCacheStrategy } from '../strategies/per-path-cache-strategy';
import type {
  StrategyEnvironment,
  StrategyFactory,
  StrategyName,
} from '../strategies/resolution-strategy';
import { minimumRequests, type RequestSummary, summarizeRequests } from './request-summary';

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

interface Fixture extends BenchPipeline {
  paths: BenchPath[];
  distinct: number;
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

interface RunMeasure extends RequestSummary {
  wallMs: number;
  warm?: RequestSummary & { wallMs: number };
}

async function measureRun(
  name: StrategyName,
  factory: StrategyFactory,
  environment: StrategyEnvironment,
  fleet: EmulatorFleet,
  fixture: Fixture,
  withWarm: boolean,
): Promise<RunMeasure> {
  const strategy = factory(environment);
  try {
    const cold = await timedResolve(name, strategy.resolve, fleet, fixture);
    if (!withWarm) return cold;
    return { ...cold, warm: await timedResolve(name, strategy.resolve, fleet, fixture) };
  } finally {
    await strategy.close();
  }
}

async function timedResolve(
  name: StrategyName,
  resolve: (pipeline: unknown) => Promise<unknown>,
  fleet: EmulatorFleet,
  fixture: Fixture,
): Promise<RequestSummary & { wallMs: number }> {
  await fleet.clear();
  const started = performance.now();
  const resolved = await resolve(fixture.pipeline);
  const wallMs = performance.now() - started;
  if (!isDeepStrictEqual(resolved, fixture.expected)) {
    throw new Error(`The ${name} strategy resolved the benchmark pipeline to wrong values.`);
  }
  return { ...summarizeRequests(await fleet.counts()), wallMs };
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

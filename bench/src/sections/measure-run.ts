import { isDeepStrictEqual } from 'node:util';
import type { EmulatorFleet } from '../emulators/emulator-fleet';
import type { BenchPath } from '../layout/bench-paths';
import type { BenchPipeline } from '../layout/bench-pipeline';
import type {
  StrategyEnvironment,
  StrategyFactory,
  StrategyName,
} from '../strategies/resolution-strategy';
import { type RequestSummary, summarizeRequests } from './request-summary';

/** A pipeline to resolve, what it must resolve to, and the paths it reads. */
export interface Fixture extends BenchPipeline {
  paths: BenchPath[];
  distinct: number;
}

/** One measured run: the first resolution (cold), and with `withWarm` a second on the same strategy. */
export interface RunMeasure extends RequestSummary {
  wallMs: number;
  warm?: RequestSummary & { wallMs: number };
}

/**
 * Resolves the fixture with a fresh strategy (no token yet), checks the values and counts the
 * stores' requests; with `withWarm`, resolves it again on the same strategy. Closes it after.
 */
export async function measureRun(
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

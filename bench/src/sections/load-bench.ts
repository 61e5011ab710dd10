import { isDeepStrictEqual } from 'node:util';
import {
  createMemoryIntegrationStore,
  createSecretResolver,
  SecretError,
  type SecretResolver,
} from '@fromsecret/core';
import type { BenchOptions } from '../bench-options';
import type { EmulatorFleet } from '../emulators/emulator-fleet';
import { BENCH_ACCESS } from '../layout/bench-credentials';
import { benchPaths } from '../layout/bench-paths';
import { benchPipeline } from '../layout/bench-pipeline';
import { percentile } from '../report/statistics';
import { benchIntegrations } from '../strategies/bench-integrations';
import { benchRegistry } from '../strategies/store-providers';
import { type MemoryPeak, startMemorySampler } from './memory-sampler';
import { minimumRequests, type RequestSummary, summarizeRequests } from './request-summary';

/** Many resolutions at once on one resolver. */
export interface LoadResult {
  resolutions: number;
  references: number;
  latencyMs: number;
  requests: number;
  logins: number;
  /** One login per integration plus every resolution's distinct reads. */
  minimumRequests: number;
  /** Resolutions that failed (say, past the resolver's 30 s deadline on a busy machine). */
  failed: number;
  failureCodes: string[];
  /** The first few distinct messages of the failed reads, to tell what went wrong. */
  failureMessages: string[];
  /** Latency percentiles of the resolutions that succeeded. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** From the first start to the last end. */
  totalMs: number;
  memory: MemoryPeak;
  requestsByStore: RequestSummary['byStore'];
}

/**
 * Starts `resolutions` resolutions of the resolution benchmark's pipeline at once on one new
 * resolver (so its logins are part of the run), and times each.
 */
export async function runLoadBench(
  options: BenchOptions['load'],
  pipelineShape: BenchOptions['resolution'],
  fleet: EmulatorFleet,
): Promise<LoadResult> {
  const paths = benchPaths(pipelineShape.paths);
  const { pipeline, expected } = benchPipeline(pipelineShape, paths);
  const resolver = createSecretResolver({
    registry: benchRegistry(fleet.endpoints),
    integrations: createMemoryIntegrationStore(benchIntegrations(fleet.endpoints)),
  });
  await fleet.setLatency(options.latencyMs);
  await fleet.clear();
  try {
    const sampler = startMemorySampler();
    const started = performance.now();
    const runs = await Promise.all(
      Array.from({ length: options.resolutions }, () => timedResolution(resolver, pipeline)),
    );
    const totalMs = performance.now() - started;
    const memory = sampler.stop();
    const succeeded = runs.flatMap((run) => ('pipeline' in run ? [run] : []));
    if (!succeeded.every((run) => isDeepStrictEqual(run.pipeline, expected))) {
      throw new Error('A resolution under load returned wrong values.');
    }
    const summary = summarizeRequests(await fleet.counts());
    const distinct = Math.min(pipelineShape.references, paths.length);
    const integrationsUsed = new Set(paths.slice(0, distinct).map((path) => path.type)).size;
    return {
      resolutions: options.resolutions,
      references: pipelineShape.references,
      latencyMs: options.latencyMs,
      requests: summary.requests,
      logins: summary.logins,
      minimumRequests: minimumRequests(integrationsUsed, distinct * options.resolutions),
      ...latencies(runs),
      totalMs,
      memory,
      requestsByStore: summary.byStore,
    };
  } finally {
    await resolver.close();
    await fleet.setLatency(0);
  }
}

/** Percentiles of the resolutions that succeeded, and the codes of those that failed. */
function latencies(runs: readonly TimedResolution[]) {
  const durations = runs.flatMap((run) => ('pipeline' in run ? [run.ms] : []));
  const failures = runs.flatMap((run) => ('code' in run ? [run] : []));
  const none = durations.length === 0;
  return {
    failed: failures.length,
    failureCodes: [...new Set(failures.map((failure) => failure.code))],
    failureMessages: [...new Set(failures.map((failure) => failure.message))].slice(0, 3),
    p50Ms: none ? Number.NaN : percentile(durations, 50),
    p99Ms: none ? Number.NaN : percentile(durations, 99),
    maxMs: none ? Number.NaN : Math.max(...durations),
  };
}

type TimedResolution =
  | { ms: number; pipeline: unknown }
  | { ms: number; code: string; message: string };

/** One resolution and its own latency; a failure is counted by its code, not thrown. */
async function timedResolution(
  resolver: SecretResolver,
  pipeline: unknown,
): Promise<TimedResolution> {
  const started = performance.now();
  try {
    const result = await resolver.resolvePipeline(pipeline, BENCH_ACCESS);
    return { ms: performance.now() - started, pipeline: result.pipeline };
  } catch (error) {
    if (!SecretError.isInstance(error)) throw error;
    const causes = error.errors ?? [error];
    const codes = [...new Set(causes.map((each) => each.code))];
    return {
      ms: performance.now() - started,
      code: `${error.code} (${codes.join(', ')})`,
      message: causes[0]?.message ?? error.message,
    };
  }
}

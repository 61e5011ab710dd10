import { setTimeout as delay } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  createMemoryIntegrationStore,
  createMemorySecretStore,
  createProviderRegistry,
  createSecretResolver,
  type SecretResolver,
} from '@fromsecret/core';
import { TARGETS } from './provider-targets';
import type { ReliabilityTarget } from './reliability-target';
import { ACME, INTERNAL_VALUE } from './target-resolver';

/** One checkpoint of a soak: resolutions so far, heap after a full GC, and open handles. */
export interface SoakSample {
  resolutions: number;
  heapUsedBytes: number;
  handles: Record<string, number>;
}

/** What a soak measured. */
export interface SoakReport {
  resolutions: number;
  wallMs: number;
  samples: SoakSample[];
  /**
   * Least-squares slope of heap after GC over resolutions, in bytes per resolution, from the
   * second sample on: the first interval still fills caches and compiles code.
   */
  heapBytesPerResolution: number;
  warnings: string[];
}

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

async function heapAfterGc(): Promise<number> {
  // Two passes with a turn between them: finalizers of the first free more in the second.
  collectGarbage();
  await delay(5);
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

function handleCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

function slope(samples: readonly SoakSample[]): number {
  const n = samples.length;
  const meanX = samples.reduce((sum, sample) => sum + sample.resolutions, 0) / n;
  const meanY = samples.reduce((sum, sample) => sum + sample.heapUsedBytes, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    covariance += (sample.resolutions - meanX) * (sample.heapUsedBytes - meanY);
    variance += (sample.resolutions - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

/** A resolver over every target at once, and a pipeline with one reference to each. */
function soakResolver(targets: readonly ReliabilityTarget[]): SecretResolver {
  return createSecretResolver({
    registry: createProviderRegistry({ providers: targets.map((target) => target.definition) }),
    integrations: createMemoryIntegrationStore(
      targets.map((target, index) => ({
        ...target.integration,
        id: index + 1,
        name: `${target.type.replaceAll('_', '-')}-soak`,
      })),
    ),
    internalSecrets: createMemorySecretStore({ internal: INTERNAL_VALUE }),
  });
}

function soakPipeline(targets: readonly ReliabilityTarget[]) {
  const environment: Record<string, unknown> = { INTERNAL: { from_secret: 'internal' } };
  targets.forEach((target, index) => {
    environment[target.type.toUpperCase()] = {
      from_secret: { integration: index + 1, ...target.reference },
    };
  });
  return { steps: [{ name: 'soak', image: 'alpine', environment }] };
}

/** Options of {@link runSoak}. */
export interface SoakOptions {
  resolutions: number;
  /** Resolutions in flight at once. */
  concurrency: number;
  /** How many checkpoints to sample (evenly spaced). */
  checkpoints: number;
  /** The provider types to read from. @default all three */
  types?: readonly string[];
  /** Called after each sample (to take a heap snapshot when hunting a leak, say). */
  onSample?(sample: SoakSample): void;
}

type ResolveBatch = (count: number) => Promise<void>;

/** Resolves `count` pipelines at once and checks that each read exactly the expected values. */
function batchResolver(targets: readonly ReliabilityTarget[]): {
  resolver: SecretResolver;
  resolveBatch: ResolveBatch;
} {
  const resolver = soakResolver(targets);
  const pipeline = soakPipeline(targets);
  const expected = [INTERNAL_VALUE, ...targets.map((target) => target.value)].join();
  const resolveBatch = async (count: number) => {
    const results = await Promise.all(
      Array.from({ length: count }, () => resolver.resolvePipeline(pipeline, ACME)),
    );
    for (const result of results) {
      const values = Object.values(result.pipeline.steps[0]!.environment);
      if (values.join() !== expected) throw new Error('a soak resolution read wrong values');
    }
  };
  return { resolver, resolveBatch };
}

/** Warms up, then resolves and samples at evenly spaced checkpoints, first and last included. */
async function resolveAndSample(
  targets: readonly ReliabilityTarget[],
  resolveBatch: ResolveBatch,
  options: SoakOptions,
): Promise<SoakSample[]> {
  const samples: SoakSample[] = [];
  const sample = async (resolutions: number) => {
    // The emulators' request logs are the test's, not the library's: empty them first.
    for (const target of targets) target.log.clear();
    const taken = { resolutions, heapUsedBytes: await heapAfterGc(), handles: handleCounts() };
    samples.push(taken);
    options.onSample?.(taken);
  };
  // Warm up: SDKs loaded, tokens issued, connection pools filled, code compiled.
  for (let batch = 0; batch < 20; batch++) await resolveBatch(options.concurrency);
  const every = Math.ceil(options.resolutions / options.checkpoints);
  for (let done = 0; done < options.resolutions; ) {
    if (done % every === 0) await sample(done);
    const count = Math.min(options.concurrency, options.resolutions - done);
    await resolveBatch(count);
    done += count;
  }
  await sample(options.resolutions);
  return samples;
}

/**
 * Resolves a pipeline that reads from the three emulators and an internal secret, again and
 * again, checking every result, and samples the heap after GC and the open handles at
 * checkpoints. Closes everything before returning.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on('warning', onWarning);
  const chosen = TARGETS.filter(({ type }) => options.types?.includes(type) ?? true);
  const targets = await Promise.all(chosen.map(({ start }) => start()));
  const { resolver, resolveBatch } = batchResolver(targets);
  const started = performance.now();
  let samples: SoakSample[];
  try {
    samples = await resolveAndSample(targets, resolveBatch, options);
  } finally {
    await resolver.close();
    await Promise.all(targets.map((target) => target.close()));
    process.off('warning', onWarning);
  }
  return {
    resolutions: options.resolutions,
    wallMs: Math.round(performance.now() - started),
    samples,
    heapBytesPerResolution: slope(samples.slice(1)),
    warnings,
  };
}

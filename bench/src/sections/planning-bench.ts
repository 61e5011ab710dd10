import {
  createMemoryIntegrationStore,
  createProviderRegistry,
  createSecretResolver,
  findReferences,
  type Integration,
  type SecretResolver,
  substituteReferences,
} from '@fromsecret/core';
import { createMemoryStore, type MemoryStore, memoryProvider } from '@fromsecret/testkit/emulators';
import { Bench } from 'tinybench';
import type { BenchOptions } from '../bench-options';
import { BENCH_ACCESS } from '../layout/bench-credentials';
import {
  benchPaths,
  benchValue,
  benchValues,
  INTEGRATION_NAMES,
  STORE_TYPES,
} from '../layout/bench-paths';
import { benchPipeline } from '../layout/bench-pipeline';
import { BENCH_RUNS, taskLatency } from './task-latency';

/** Planning and substitution at one size. */
export interface PlanningRow {
  references: number;
  /** A whole resolution against in-memory stores (no I/O), per reference: design §10's figure. */
  microsPerReference: number;
  /** `findReferences` alone, per reference. */
  findMicrosPerReference: number;
  /** `substituteReferences` alone, per reference. */
  substituteMicrosPerReference: number;
  /** Timed iterations of the whole resolution. */
  samples: number;
}

const PATHS = 20;
const REFERENCES_PER_STEP = 4;

/**
 * Resolves pipelines of growing size against the in-memory provider (20 paths over three
 * integrations), so that what is timed is the resolver's own work: finding and checking every
 * reference, grouping, records and substitution.
 */
export async function runPlanningBench(options: BenchOptions['planning']): Promise<PlanningRow[]> {
  const { stores, integrations } = memoryIntegrations();
  const resolver = createSecretResolver({
    registry: createProviderRegistry({ providers: [memoryProvider] }),
    integrations: createMemoryIntegrationStore(integrations),
  });
  try {
    const rows: PlanningRow[] = [];
    for (const references of options.references) {
      rows.push(await measureSize(references, resolver, options));
    }
    return rows;
  } finally {
    await resolver.close();
    for (const store of stores) store.close();
  }
}

async function measureSize(
  references: number,
  resolver: SecretResolver,
  options: BenchOptions['planning'],
): Promise<PlanningRow> {
  const steps = Math.max(1, Math.ceil(references / REFERENCES_PER_STEP));
  const { pipeline } = benchPipeline({ steps, references }, benchPaths(PATHS));
  const replacements = findReferences(pipeline).map(({ reference, location }) => ({
    pointer: location.pointer,
    value: reference.kind === 'external' ? benchValue(reference.path, reference.key) : '',
  }));
  const bench = new Bench({ ...BENCH_RUNS, time: options.timeMs, iterations: options.iterations });
  bench
    .add('resolve', () => resolver.resolvePipeline(pipeline, BENCH_ACCESS).then(() => undefined))
    .add('find', () => {
      findReferences(pipeline);
    })
    .add('substitute', () => {
      substituteReferences(pipeline, replacements);
    });
  await bench.run();
  const perReference = (name: string) => (taskLatency(bench, name).p50 * 1000) / references;
  return {
    references,
    microsPerReference: perReference('resolve'),
    findMicrosPerReference: perReference('find'),
    substituteMicrosPerReference: perReference('substitute'),
    samples: taskLatency(bench, 'resolve').samplesCount,
  };
}

/** One in-memory store per benchmark integration, holding that integration's share of the paths. */
function memoryIntegrations(): { stores: MemoryStore[]; integrations: Integration[] } {
  const paths = benchPaths(PATHS);
  const stores: MemoryStore[] = [];
  const integrations = STORE_TYPES.map((type, index) => {
    const name = INTEGRATION_NAMES[type];
    const token = `bench-memory-token-${index}`;
    const secrets = paths
      .filter((path) => path.type === type)
      .map((path) => ({ path: path.path, versions: [benchValues(path)] }));
    stores.push(createMemoryStore(`bench-planning-${name}`, { token, secrets }));
    return {
      id: index + 1,
      name,
      type: 'memory',
      config: { store: `bench-planning-${name}`, token },
      allow: { users: [], orgs: [BENCH_ACCESS.org], repos: [] },
    };
  });
  return { stores, integrations };
}

import { type BenchPath, benchValue } from './bench-paths';

/** The shape of the pipeline the benchmark resolves. */
export interface BenchPipelineShape {
  steps: number;
  references: number;
}

/** A pipeline, and what every reference in it must resolve to. */
export interface BenchPipeline {
  pipeline: { steps: BenchStep[] };
  /** The pipeline with every reference replaced by its value, to check each strategy. */
  expected: { steps: BenchStep[] };
}

interface BenchStep {
  name: string;
  image: string;
  environment: Record<string, unknown>;
  settings: Record<string, unknown>;
}

/**
 * A pipeline of `shape.steps` steps holding `shape.references` references in turn over
 * `paths` (reference `i` reads `paths[i % paths.length]`, cycling through its keys), half in
 * `environment` and half in `settings`.
 */
export function benchPipeline(
  shape: BenchPipelineShape,
  paths: readonly BenchPath[],
): BenchPipeline {
  const steps: BenchStep[] = [];
  const expected: BenchStep[] = [];
  for (let index = 0; index < shape.steps; index++) {
    const name = `step-${index}`;
    steps.push({ name, image: 'alpine:3.20', environment: {}, settings: {} });
    expected.push({ name, image: 'alpine:3.20', environment: {}, settings: {} });
  }
  for (let index = 0; index < shape.references; index++) {
    const secret = paths[index % paths.length]!;
    const key = secret.keys[Math.floor(index / paths.length) % secret.keys.length]!;
    const step = Math.floor((index * shape.steps) / shape.references);
    const section = index % 2 === 0 ? 'environment' : 'settings';
    const variable = `SECRET_${index}`;
    steps[step]![section][variable] = {
      from_secret: { integration: secret.integration, path: secret.path, key },
    };
    expected[step]![section][variable] = benchValue(secret.path, key);
  }
  return { pipeline: { steps }, expected: { steps: expected } };
}

/** How many distinct (integration, path) pairs the pipeline reads: the fewest reads possible. */
export function distinctPaths(shape: BenchPipelineShape, paths: readonly BenchPath[]): number {
  return Math.min(shape.references, paths.length);
}

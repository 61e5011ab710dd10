/** The benchmark's sections, in the order they run. */
export const SECTIONS = ['resolution', 'load', 'planning', 'masking', 'cold-start'] as const;

/** One section of the benchmark. */
export type Section = (typeof SECTIONS)[number];

/** Sizes and repetitions of one run of the benchmark. */
export interface BenchOptions {
  /** `--quick`: tiny sizes and few repetitions, to keep the benchmark working in CI. */
  quick: boolean;
  /** The sections to run (`--only`); all by default. */
  sections: readonly Section[];
  /** Where the results go, relative to the bench package. */
  resultsFile: string;
  resolution: {
    steps: number;
    references: number;
    paths: number;
    latenciesMs: readonly number[];
    /** Measured runs per strategy and latency; the table shows the median. */
    runs: number;
  };
  load: { resolutions: number; latencyMs: number };
  planning: { references: readonly number[]; timeMs: number; iterations: number };
  masking: {
    values: readonly number[];
    /** Log sizes masked at once; the stream is measured on the largest. */
    textBytes: readonly number[];
    timeMs: number;
    chunkBytes: readonly number[];
  };
  coldStart: { runs: number };
}

const USAGE = 'Usage: pnpm bench [--quick] [--only <section>[,<section>...]]';

/** Reads the command line; throws a usage error naming the problem. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let quick = false;
  let only: Section[] | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--quick') quick = true;
    else if (argument === '--only') only = parseSections(argv[++index]);
    else if (argument.startsWith('--only=')) only = parseSections(argument.slice(7));
    else throw new UsageError(`Unknown argument ${JSON.stringify(argument)}. ${USAGE}`);
  }
  const sizes = quick ? quickSizes() : fullSizes();
  const resultsFile =
    only !== undefined ? 'results.partial.json' : quick ? 'results.quick.json' : 'results.json';
  return { quick, sections: only ?? SECTIONS, resultsFile, ...sizes };
}

/** A command-line mistake: the process exits with 2 and the message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parseSections(list: string | undefined): Section[] {
  if (list === undefined || list.length === 0) {
    throw new UsageError(`--only needs a section: ${SECTIONS.join(', ')}. ${USAGE}`);
  }
  return list.split(',').map((name) => {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      throw new UsageError(
        `Unknown section ${JSON.stringify(name)}; the sections are ${SECTIONS.join(', ')}.`,
      );
    }
    return name as Section;
  });
}

function fullSizes(): Omit<BenchOptions, 'quick' | 'sections' | 'resultsFile'> {
  return {
    resolution: { steps: 50, references: 200, paths: 20, latenciesMs: [0, 20], runs: 7 },
    load: { resolutions: 500, latencyMs: 20 },
    planning: { references: [100, 1_000, 10_000, 100_000], timeMs: 1_500, iterations: 5 },
    masking: {
      values: [10, 100, 1_000],
      textBytes: [65_536, 1_000_000],
      timeMs: 1_000,
      chunkBytes: [4_096, 65_536],
    },
    coldStart: { runs: 9 },
  };
}

function quickSizes(): Omit<BenchOptions, 'quick' | 'sections' | 'resultsFile'> {
  return {
    resolution: { steps: 4, references: 12, paths: 6, latenciesMs: [0, 20], runs: 1 },
    load: { resolutions: 10, latencyMs: 0 },
    planning: { references: [100, 1_000], timeMs: 20, iterations: 2 },
    masking: { values: [10, 100], textBytes: [50_000], timeMs: 20, chunkBytes: [4_096] },
    coldStart: { runs: 1 },
  };
}

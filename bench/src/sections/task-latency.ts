import type { Bench, BenchOptions, Statistics } from 'tinybench';

/**
 * Options every tinybench run here shares: a task's failure fails the benchmark, and the
 * warmup is two iterations (tinybench's default of 16 would take minutes for the slow baselines).
 */
export const BENCH_RUNS: BenchOptions = { throws: true, warmupIterations: 2, warmupTime: 50 };

/** The latency statistics (milliseconds) of a finished tinybench task; a failed task is an error. */
export function taskLatency(bench: Bench, name: string): Statistics {
  const result = bench.getTask(name)?.result;
  if (result === undefined || !('latency' in result)) {
    const state = result?.state ?? 'missing';
    const reason = result !== undefined && 'error' in result ? `: ${result.error.message}` : '';
    throw new Error(`The benchmark task "${name}" did not complete (${state})${reason}.`);
  }
  return result.latency;
}

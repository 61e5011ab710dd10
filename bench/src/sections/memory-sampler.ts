/** The highest memory use seen while sampling, in MB (10^6 bytes). */
export interface MemoryPeak {
  rssBeforeMb: number;
  peakRssMb: number;
  heapUsedBeforeMb: number;
  peakHeapUsedMb: number;
  samples: number;
}

/**
 * Samples `process.memoryUsage()` every `intervalMs` until stopped. A busy event loop samples
 * less often, so the peak is a lower bound; a last sample is taken when stopped.
 */
export function startMemorySampler(intervalMs = 5): { stop(): MemoryPeak } {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  let samples = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    samples++;
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        rssBeforeMb: megabytes(before.rss),
        peakRssMb: megabytes(peakRss),
        heapUsedBeforeMb: megabytes(before.heapUsed),
        peakHeapUsedMb: megabytes(peakHeap),
        samples,
      };
    },
  };
}

function megabytes(bytes: number): number {
  return bytes / 1e6;
}

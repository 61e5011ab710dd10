import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createMasker, MASK, type Masker } from '@fromsecret/core';
import { Bench } from 'tinybench';
import type { BenchOptions } from '../bench-options';
import { buildLog, secretValues } from '../layout/build-log';
import { BENCH_RUNS, taskLatency } from './task-latency';

/** Masking throughput at one number of values and one log size. */
export interface MaskingRow {
  values: number;
  textBytes: number;
  /** `mask(text)` on the whole log, in MB (10^6 bytes) per second. */
  mbPerSecond: number;
  /** A `replaceAll` per value on the same log (raw values only: no encoded form). */
  baselineMbPerSecond: number;
  /** `mbPerSecond / baselineMbPerSecond`. */
  ratio: number;
  /** What the masker searches for: each value and its lines and encoded forms. */
  patternCount: number;
  /** `createMasker(values)`, in milliseconds. */
  createMs: number;
}

/** The stream against one-shot masking, at one number of values and one chunk size. */
export interface StreamRow {
  values: number;
  textBytes: number;
  chunkBytes: number;
  mbPerSecond: number;
  oneShotMbPerSecond: number;
}

/** Masks the same build logs with fromsecret's masker and with a per-value `replaceAll` loop. */
export async function runMaskingBench(
  options: BenchOptions['masking'],
): Promise<{ masking: MaskingRow[]; stream: StreamRow[] }> {
  const masking: MaskingRow[] = [];
  const stream: StreamRow[] = [];
  const largest = Math.max(...options.textBytes);
  for (const count of options.values) {
    const values = secretValues(count);
    const masker = createMasker(values);
    for (const size of options.textBytes) {
      const text = buildLog(size, values);
      await checkMasking(masker, text, values);
      const row = await measureOneShot(masker, text, values, options.timeMs);
      masking.push(row);
      if (size !== largest) continue;
      for (const chunkBytes of options.chunkBytes) {
        const mbPerSecond = await measureStream(masker, text, chunkBytes, options.timeMs);
        const shape = { values: count, textBytes: row.textBytes, chunkBytes };
        stream.push({ ...shape, mbPerSecond, oneShotMbPerSecond: row.mbPerSecond });
      }
    }
  }
  return { masking, stream };
}

async function measureOneShot(
  masker: Masker,
  text: string,
  values: readonly string[],
  timeMs: number,
): Promise<MaskingRow> {
  const bench = new Bench({ ...BENCH_RUNS, time: timeMs, iterations: 5 });
  bench
    .add('create', () => {
      createMasker(values);
    })
    .add('mask', () => {
      masker.mask(text);
    })
    .add('replaceAll', () => {
      replaceEach(text, values);
    });
  await bench.run();
  const textBytes = Buffer.byteLength(text);
  const rate = (name: string) => textBytes / 1e6 / (taskLatency(bench, name).p50 / 1000);
  return {
    values: values.length,
    textBytes,
    mbPerSecond: rate('mask'),
    baselineMbPerSecond: rate('replaceAll'),
    ratio: rate('mask') / rate('replaceAll'),
    patternCount: masker.patternCount,
    createMs: taskLatency(bench, 'create').p50,
  };
}

async function measureStream(
  masker: Masker,
  text: string,
  chunkBytes: number,
  timeMs: number,
): Promise<number> {
  const chunks = chunksOf(Buffer.from(text), chunkBytes);
  if ((await streamMask(masker, chunks)) !== masker.mask(text)) {
    throw new Error('The masking stream and mask() disagree on the benchmark log.');
  }
  const bench = new Bench({ ...BENCH_RUNS, time: timeMs, iterations: 5 });
  bench.add('stream', async () => {
    await streamMask(masker, chunks);
  });
  await bench.run();
  return Buffer.byteLength(text) / 1e6 / (taskLatency(bench, 'stream').p50 / 1000);
}

/** The baseline: what one writes without a masker. */
function replaceEach(text: string, values: readonly string[]): string {
  let masked = text;
  for (const value of values) masked = masked.replaceAll(value, MASK);
  return masked;
}

/** The log through `masker.stream()` in chunks, as a CI server pipes a step's output. */
async function streamMask(masker: Masker, chunks: readonly Buffer[]): Promise<string> {
  let output = '';
  await pipeline(Readable.from(chunks), masker.stream(), async (masked: AsyncIterable<unknown>) => {
    for await (const part of masked) output += String(part);
  });
  return output;
}

/** Both must hide every value (the benchmark must not time a masker that misses). */
async function checkMasking(masker: Masker, text: string, values: readonly string[]) {
  const masked = masker.mask(text);
  if (values.some((value) => masked.includes(value))) {
    throw new Error('The masker left a value in the benchmark log.');
  }
  const replaced = replaceEach(text, values);
  if (values.some((value) => replaced.includes(value))) {
    throw new Error('The replaceAll baseline left a value in the benchmark log.');
  }
}

function chunksOf(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) {
    chunks.push(bytes.subarray(start, start + size));
  }
  return chunks;
}

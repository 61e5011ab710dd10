import { PassThrough, Readable, type Transform } from 'node:stream';
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
  /** The same pipeline with a `PassThrough` in the masker's place: what the plumbing costs. */
  passThroughMbPerSecond: number;
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
        const measured = await measureStream(masker, text, chunkBytes, options.timeMs);
        const shape = { values: count, textBytes: row.textBytes, chunkBytes };
        stream.push({ ...shape, ...measured, oneShotMbPerSecond: row.mbPerSecond });
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
): Promise<{ mbPerSecond: number; passThroughMbPerSecond: number }> {
  const chunks = chunksOf(Buffer.from(text), chunkBytes);
  const streamed = Buffer.concat(await pipeChunks(chunks, masker.stream())).toString('utf8');
  if (streamed !== masker.mask(text)) {
    throw new Error('The masking stream and mask() disagree on the benchmark log.');
  }
  const bench = new Bench({ ...BENCH_RUNS, time: timeMs, iterations: 5 });
  bench.add('stream', async () => {
    await pipeChunks(chunks, masker.stream());
  });
  bench.add('pass-through', async () => {
    await pipeChunks(chunks, new PassThrough());
  });
  await bench.run();
  const megabytes = Buffer.byteLength(text) / 1e6;
  return {
    mbPerSecond: megabytes / (taskLatency(bench, 'stream').p50 / 1000),
    passThroughMbPerSecond: megabytes / (taskLatency(bench, 'pass-through').p50 / 1000),
  };
}

/** The baseline: what one writes without a masker. */
function replaceEach(text: string, values: readonly string[]): string {
  let masked = text;
  for (const value of values) masked = masked.replaceAll(value, MASK);
  return masked;
}

/**
 * The log through `transform` in chunks, as a CI server pipes a step's output to its log
 * store: the output is kept as the Buffers it comes in, not decoded.
 */
async function pipeChunks(chunks: readonly Buffer[], transform: Transform): Promise<Buffer[]> {
  const output: Buffer[] = [];
  await pipeline(Readable.from(chunks), transform, async (parts: AsyncIterable<Buffer>) => {
    for await (const part of parts) output.push(part);
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

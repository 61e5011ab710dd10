import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskingUnit, patternsArbitrary, textWith } from './__fixtures__/masking-arbitraries';
import { createMaskStream } from './mask-stream';
import { maskText } from './mask-text';
import { MASK } from './masked-output';
import { PatternIndex } from './pattern-index';
import { utf8PatternIndex } from './utf8-pattern-index';

/** The stream as `createMasker` builds it: its index shared with mask() when it can be. */
function maskStream(patterns: string[]) {
  return createMaskStream(utf8PatternIndex(patterns, new PatternIndex(patterns)));
}

/** Every output chunk, as written. */
async function streamedChunks(patterns: string[], chunks: (string | Buffer)[]): Promise<Buffer[]> {
  const stream = maskStream(patterns);
  const output: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => output.push(chunk));
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await once(stream, 'end');
  return output;
}

async function streamed(patterns: string[], chunks: (string | Buffer)[]): Promise<string> {
  return Buffer.concat(await streamedChunks(patterns, chunks)).toString('utf8');
}

/** The bytes cut at the given points (in any order, repeats giving empty chunks). */
function splitBytes(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = cuts.map((cut) => cut % (bytes.length + 1)).sort((a, b) => a - b);
  return [...points, bytes.length].map((end, position) =>
    bytes.subarray(position === 0 ? 0 : points[position - 1], end),
  );
}

/** Bytes that are not UTF-8 on their own: cut-off, overlong, surrogate and stray sequences. */
const brokenBytes = fc
  .array(fc.constantFrom(0x80, 0xbf, 0xc0, 0xc3, 0xe0, 0xed, 0xa0, 0xf0, 0x9f, 0xf5, 0xff), {
    minLength: 1,
    maxLength: 3,
  })
  .map((bytes) => Buffer.from(bytes));
const bytesWith = (patterns: string[]) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...patterns).map((pattern) => Buffer.from(pattern, 'utf8')),
        fc.string({ unit: maskingUnit, maxLength: 6 }).map((noise) => Buffer.from(noise, 'utf8')),
        brokenBytes,
      ),
      { maxLength: 12 },
    )
    .map((parts) => Buffer.concat(parts));

describe('createMaskStream', () => {
  const patterns = ['CANARY-STREAM-7f3a', 'pässwörd-😀-secret'];

  it('masks a value split across two and across three chunks', async () => {
    expect(await streamed(patterns, ['token CANARY-STR', 'EAM-7f3a end'])).toBe(
      `token ${MASK} end`,
    );
    expect(await streamed(patterns, ['CANARY', '-STREAM', '-7f3a'])).toBe(MASK);
    expect(await streamed(patterns, ['x CANARY-', 'STREAM-7', 'f3a y'])).toBe(`x ${MASK} y`);
  });

  it('decodes a multi-byte character split between chunks', async () => {
    const bytes = Buffer.from('é pässwörd-😀-secret 😀', 'utf8');
    const emojiStart = bytes.indexOf(Buffer.from('😀'));
    const chunks = [1, 6, emojiStart + 1, emojiStart + 3, bytes.length - 2].map(
      (end, position, ends) => bytes.subarray(position === 0 ? 0 : ends[position - 1], end),
    );
    chunks.push(bytes.subarray(bytes.length - 2));
    expect(await streamed(patterns, chunks)).toBe(`é ${MASK} 😀`);
  });

  it('takes strings as well as Buffers', async () => {
    expect(await streamed(patterns, ['a CANARY-', Buffer.from('STREAM-7f3a b')])).toBe(
      `a ${MASK} b`,
    );
  });

  it('holds back only the tail that could still begin a pattern', async () => {
    const stream = maskStream(patterns);
    const output: string[] = [];
    stream.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    stream.write('plain log line\n');
    await settle();
    expect(output.join('')).toBe('plain log line\n');
    stream.write('value: CANARY-ST');
    await settle();
    expect(output.join('')).toBe('plain log line\nvalue: ');
    stream.write('OP\n');
    await settle();
    expect(output.join('')).toBe('plain log line\nvalue: CANARY-STOP\n');
    stream.end('CANARY-STREAM');
    await once(stream, 'end');
    expect(output.join('')).toBe('plain log line\nvalue: CANARY-STOP\nCANARY-STREAM');
  });

  it('masks values far longer than the chunks, in all their encoded forms', async () => {
    const long = `CANARY-LONG-${'pässwörd-😀-'.repeat(300)}7f3a`;
    const forms = [long, Buffer.from(long, 'utf8').toString('base64')];
    const text = `start ${forms[0]} middle ${forms[1]} end`;
    const expected = `start ${MASK} middle ${MASK} end`;
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 7, 4096, bytes.length]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, position) =>
        bytes.subarray(position * size, (position + 1) * size),
      );
      expect(await streamed(forms, chunks)).toBe(expected);
    }
  });

  it('writes the same as maskText of the whole text, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        patternsArbitrary.chain((values) =>
          fc.tuple(fc.constant(values), textWith(values), fc.array(fc.nat(), { maxLength: 12 })),
        ),
        async ([values, text, cuts]) => {
          const expected = maskText(new PatternIndex(values), text);
          const chunks = splitBytes(Buffer.from(text, 'utf8'), cuts);
          expect(await streamed(values, chunks)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads invalid UTF-8 as U+FFFD, as decoding the whole input does, in whole-character chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        patternsArbitrary.chain((values) =>
          fc.tuple(fc.constant(values), bytesWith(values), fc.array(fc.nat(), { maxLength: 12 })),
        ),
        async ([values, bytes, cuts]) => {
          const expected = maskText(new PatternIndex(values), bytes.toString('utf8'));
          const output = await streamedChunks(values, splitBytes(bytes, cuts));
          for (const chunk of output) expect(isUtf8(chunk)).toBe(true);
          expect(Buffer.concat(output).toString('utf8')).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never matches a pattern with a lone surrogate, which decoded UTF-8 cannot hold', async () => {
    const lone = 'CANARY-\uD83D-LONE';
    expect(await streamed([lone], [lone, Buffer.from('CANARY-\uFFFD-LONE')])).toBe(
      'CANARY-\uFFFD-LONECANARY-\uFFFD-LONE',
    );
  });
});

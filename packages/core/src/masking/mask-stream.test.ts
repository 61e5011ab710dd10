import { once } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMaskStream, maskText } from './mask-stream';
import { MASK } from './masked-output';
import { PatternIndex } from './pattern-index';

/** Masks by marking every character of every occurrence: the definition, slowly. */
function referenceMask(patterns: string[], text: string): string {
  const covered = new Uint8Array(text.length);
  for (const pattern of patterns) {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
      covered.fill(1, at, at + pattern.length);
    }
  }
  let result = '';
  for (let index = 0; index < text.length; index++) {
    if (!covered[index]) result += text[index];
    else if (index === 0 || !covered[index - 1]) result += MASK;
  }
  return result;
}

async function streamed(patterns: string[], chunks: (string | Buffer)[]): Promise<string> {
  const stream = createMaskStream(new PatternIndex(patterns));
  const output: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => output.push(chunk));
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await once(stream, 'end');
  return Buffer.concat(output).toString('utf8');
}

function splitBytes(text: string, cuts: number[]): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...points, bytes.length].map((end, position) =>
    bytes.subarray(position === 0 ? 0 : points[position - 1], end),
  );
}

const unit = fc.constantFrom('a', 'b', 'é', '😀', '\n', ' ');
const patternsArbitrary = fc.array(fc.string({ unit, minLength: 1, maxLength: 10 }), {
  minLength: 1,
  maxLength: 5,
});
/** Text built from the patterns and noise, so that matches, overlaps and near-misses abound. */
const textWith = (patterns: string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...patterns), fc.string({ unit, maxLength: 6 })), {
      maxLength: 12,
    })
    .map((parts) => parts.join(''));

describe('maskText', () => {
  it('masks every character of every occurrence, each unbroken stretch as one mask', () => {
    fc.assert(
      fc.property(
        patternsArbitrary.chain((patterns) => fc.tuple(fc.constant(patterns), textWith(patterns))),
        ([patterns, text]) => {
          expect(maskText(new PatternIndex(patterns), text)).toBe(referenceMask(patterns, text));
        },
      ),
      { numRuns: 300 },
    );
  });
});

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
    const stream = createMaskStream(new PatternIndex(patterns));
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

  it('writes the same as maskText of the whole text, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        patternsArbitrary.chain((values) =>
          fc.tuple(fc.constant(values), textWith(values), fc.array(fc.nat(), { maxLength: 8 })),
        ),
        async ([values, text, cuts]) => {
          const expected = maskText(new PatternIndex(values), text);
          expect(await streamed(values, splitBytes(text, cuts))).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatternIndex } from './pattern-index';

type Match = [start: number, length: number];

function scanAll(patterns: string[], text: string, from = 0): Match[] {
  const matches: Match[] = [];
  new PatternIndex(patterns).scan(text, from, true, (start, length) =>
    matches.push([start, length]),
  );
  return matches;
}

/** Every occurrence of every pattern, found the slow and obvious way. */
function bruteForce(patterns: string[], text: string, from = 0): Match[] {
  const matches: Match[] = [];
  for (const pattern of new Set(patterns)) {
    for (
      let start = text.indexOf(pattern, from);
      start >= 0;
      start = text.indexOf(pattern, start + 1)
    ) {
      matches.push([start, pattern.length]);
    }
  }
  return matches;
}

const sorted = (matches: Match[]) =>
  [...matches].sort((left, right) => left[0] - right[0] || left[1] - right[1]);

describe('PatternIndex', () => {
  it('reports every occurrence, overlapping ones included, in order of start', () => {
    const matches = scanAll(['abcd', 'cdef', 'bcdefgh'], 'xabcdefghx abcd');
    expect(matches).toEqual(sorted(matches));
    expect(sorted(matches)).toEqual([
      [1, 4],
      [2, 7],
      [3, 4],
      [11, 4],
    ]);
  });

  it('treats regular-expression characters as plain text', () => {
    expect(scanAll(['a.b*c', '(x|y)+$'], 'aXbbc a.b*c (x|y)+$ xy')).toEqual([
      [6, 5],
      [12, 7],
    ]);
  });

  it('starts at `from` and holds the size', () => {
    expect(scanAll(['needle'], 'needle needle', 1)).toEqual([[7, 6]]);
    expect(new PatternIndex(['one1', 'two2', 'one1']).size).toBe(2);
    expect(scanAll(['twice', 'twice'], 'a twice')).toEqual([[2, 5]]);
    expect(scanAll([], 'anything')).toEqual([]);
  });

  it('stops where the text could still become a pattern, unless final', () => {
    const index = new PatternIndex(['secret-value', 'other-value']);
    const matches: Match[] = [];
    const record = (start: number, length: number) => matches.push([start, length]);
    expect(index.scan('log secret-value then secr', 0, false, record)).toBe(22);
    expect(matches).toEqual([[4, 12]]);
    expect(index.scan('log line that ends plainly', 0, false, record)).toBe(26);
    expect(index.scan('ends with o', 0, false, record)).toBe(10);
    expect(index.scan('ends with secret-value', 0, false, record)).toBe(22);
    expect(index.scan('then secr', 0, true, record)).toBe(9);
  });

  it('finds what a brute-force search finds, for any patterns and text', () => {
    const unit = fc.constantFrom('a', 'b', 'c', 'é', '😀', '\n', '+');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
        fc.string({ unit, maxLength: 80 }),
        fc.nat(10),
        (patterns, text, from) => {
          const start = Math.min(from, text.length);
          expect(sorted(scanAll(patterns, text, start))).toEqual(
            sorted(bruteForce(patterns, text, start)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds in bytes exactly what it finds in the same text, stops included', () => {
    // Latin-1 characters only: one byte each, so the bytes spell the text character for character.
    const unit = fc.constantFrom('a', 'b', 'c', 'é', '\n', '+', '\u00ff');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
        fc.string({ unit, maxLength: 80 }),
        fc.nat(10),
        fc.boolean(),
        (patterns, text, from, final) => {
          const index = new PatternIndex(patterns);
          const start = Math.min(from, text.length);
          const inText: Match[] = [];
          const inBytes: Match[] = [];
          const textStop = index.scan(text, start, final, (at, length) =>
            inText.push([at, length]),
          );
          const bytes = Buffer.from(text, 'latin1');
          const byteStop = index.scanBytes(bytes, start, final, (at, length) =>
            inBytes.push([at, length]),
          );
          expect(byteStop).toBe(textStop);
          expect(inBytes).toEqual(inText);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { PatternIndex } from './pattern-index';
import { utf8PatternIndex } from './utf8-pattern-index';

function findBytes(index: PatternIndex, text: string): [number, number][] {
  const matches: [number, number][] = [];
  index.scanBytes(Buffer.from(text, 'utf8'), 0, true, (start, length) =>
    matches.push([start, length]),
  );
  return matches;
}

describe('utf8PatternIndex', () => {
  it('shares the text index when every pattern is ASCII', () => {
    const patterns = ['CANARY-ASCII-7f3a', 'other-value'];
    const textIndex = new PatternIndex(patterns);
    expect(utf8PatternIndex(patterns, textIndex)).toBe(textIndex);
  });

  it('finds non-ASCII patterns in UTF-8 bytes, at byte offsets', () => {
    const patterns = ['pässwörd-7f3a', 'CANARY-😀'];
    const index = utf8PatternIndex(patterns, new PatternIndex(patterns));
    expect(findBytes(index, 'é pässwörd-7f3a CANARY-😀')).toEqual([
      [3, 15],
      [19, 11],
    ]);
  });

  it('leaves out a pattern with a lone surrogate, which no UTF-8 text holds', () => {
    const patterns = ['CANARY-\uD83D-LONE', 'CANARY-KEPT'];
    const index = utf8PatternIndex(patterns, new PatternIndex(patterns));
    expect(index.size).toBe(1);
    expect(findBytes(index, 'CANARY-\uFFFD-LONE CANARY-KEPT')).toEqual([[16, 11]]);
  });
});

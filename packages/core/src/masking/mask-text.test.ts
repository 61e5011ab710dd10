import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patternsArbitrary, textWith } from './__fixtures__/masking-arbitraries';
import { maskText } from './mask-text';
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

  it('returns a text without any pattern unchanged, and masks one that is all pattern', () => {
    const index = new PatternIndex(['CANARY-TEXT-7f3a']);
    expect(maskText(index, 'plain log line')).toBe('plain log line');
    expect(maskText(index, 'CANARY-TEXT-7f3a')).toBe(MASK);
    expect(maskText(index, '')).toBe('');
  });
});

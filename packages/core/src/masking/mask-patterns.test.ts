import { describe, expect, it } from 'vitest';
import { maskPatterns } from './mask-patterns';

describe('maskPatterns', () => {
  it('ignores empty values and repeats, and counts values shorter than the minimum', () => {
    const result = maskPatterns(['', 'CANARY-1', 'CANARY-1', 'abc', 'xy', 'abc'], 4);
    expect(result.valueCount).toBe(1);
    expect(result.tooShort).toBe(2);
    expect(result.patterns).toContain('CANARY-1');
    expect(result.patterns.some((pattern) => pattern.includes('abc'))).toBe(false);
  });

  it('adds each line of a multi-line value long enough, with its encoded forms', () => {
    const value = 'first-line\r\nok\nthird-line';
    const { patterns, tooShort } = maskPatterns([value], 4);
    expect(patterns).toContain(value);
    expect(patterns).toContain('first-line');
    expect(patterns).toContain('third-line');
    expect(patterns).toContain(Buffer.from('third-line').toString('base64'));
    expect(patterns).toContain(JSON.stringify(value).slice(1, -1));
    expect(patterns).not.toContain('ok');
    expect(tooShort).toBe(0);
  });

  it('lists every pattern once and none shorter than the minimum', () => {
    const { patterns } = maskPatterns(['plain-value', 'plain-value\nsecond'], 6);
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const pattern of patterns) expect(pattern.length).toBeGreaterThanOrEqual(6);
  });

  it('honours a smaller minimum length', () => {
    const { patterns, tooShort } = maskPatterns(['ab', 'c'], 2);
    expect(patterns).toContain('ab');
    expect(tooShort).toBe(1);
  });
});

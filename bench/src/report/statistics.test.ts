import { describe, expect, it } from 'vitest';
import { median, percentile } from './statistics';

describe('percentile', () => {
  it('interpolates between the closest ranks, whatever the order of the values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 99)).toBeCloseTo(49.6);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses no values instead of inventing one', () => {
    expect(() => median([])).toThrow('no values');
  });
});

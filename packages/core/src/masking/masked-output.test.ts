import { describe, expect, it } from 'vitest';
import { MASK, MaskedOutput } from './masked-output';

/** Writes what it is told as `keep(start,end)` and `MASK`, so a test sees every decision. */
class RecordedOutput extends MaskedOutput {
  readonly written: string[] = [];

  protected keep(start: number, end: number): void {
    this.written.push(`keep(${start},${end})`);
  }

  protected hide(): void {
    this.written.push(MASK);
  }
}

function decisions(matches: [number, number][], until: number): string[] {
  const output = new RecordedOutput();
  for (const [start, end] of matches) output.cover(start, end);
  output.settle(until);
  return output.written;
}

describe('MaskedOutput', () => {
  it('replaces each match with the mask and keeps the text between', () => {
    expect(
      decisions(
        [
          [2, 8],
          [11, 16],
        ],
        18,
      ),
    ).toEqual(['keep(0,2)', MASK, 'keep(8,11)', MASK, 'keep(16,18)']);
  });

  it('masks overlapping, nested and touching matches as one', () => {
    const oneMask = ['keep(0,2)', MASK, 'keep(8,10)'];
    const overlapping: [number, number][] = [
      [2, 6],
      [4, 8],
    ];
    const nested: [number, number][] = [
      [2, 8],
      [3, 5],
    ];
    const touching: [number, number][] = [
      [2, 5],
      [5, 8],
    ];
    const sameStart: [number, number][] = [
      [2, 4],
      [2, 8],
    ];
    for (const matches of [overlapping, nested, touching, sameStart]) {
      expect(decisions(matches, 10)).toEqual(oneMask);
    }
  });

  it('writes nothing empty: a match at the start, or right after what was written', () => {
    expect(
      decisions(
        [
          [0, 3],
          [4, 6],
        ],
        6,
      ),
    ).toEqual([MASK, 'keep(3,4)', MASK]);
  });

  it('writes out only what is settled, and continues a masked stretch across a drop', () => {
    const output = new RecordedOutput();
    output.cover(3, 9);
    output.settle(5);
    expect(output.written).toEqual(['keep(0,3)', MASK]);
    expect(output.writtenEnd).toBe(9);
    output.drop(5);
    expect(output.writtenEnd).toBe(4);
    output.cover(3, 9);
    output.settle(12);
    expect(output.written).toEqual(['keep(0,3)', MASK, 'keep(9,12)']);
  });
});

import { describe, expect, it } from 'vitest';
import { MASK, MaskedOutput } from './masked-output';

function render(text: string, matches: [number, number][]): string {
  const output = new MaskedOutput();
  for (const [start, end] of matches) output.cover(text, start, end);
  output.settle(text, text.length);
  return output.take();
}

describe('MaskedOutput', () => {
  it('replaces each match with the mask and keeps the text between', () => {
    expect(
      render('a SECRET b OTHER c', [
        [2, 8],
        [11, 16],
      ]),
    ).toBe(`a ${MASK} b ${MASK} c`);
  });

  it('masks overlapping, nested and touching matches as one', () => {
    expect(
      render('xxABCDEFyy', [
        [2, 6],
        [4, 8],
      ]),
    ).toBe(`xx${MASK}yy`);
    expect(
      render('xxABCDEFyy', [
        [2, 8],
        [3, 5],
      ]),
    ).toBe(`xx${MASK}yy`);
    expect(
      render('xxABCDEFyy', [
        [2, 5],
        [5, 8],
      ]),
    ).toBe(`xx${MASK}yy`);
    expect(
      render('xxABCDEFyy', [
        [2, 4],
        [2, 8],
      ]),
    ).toBe(`xx${MASK}yy`);
  });

  it('writes out only what is settled, and continues a masked stretch across calls', () => {
    const output = new MaskedOutput();
    const text = 'ab SECRET-PART';
    output.cover(text, 3, 9);
    output.settle(text, 5);
    expect(output.take()).toBe(`ab ${MASK}`);
    expect(output.writtenEnd).toBe(9);
    output.drop(5);
    const rest = text.slice(5);
    output.cover(rest, 3, 9);
    output.settle(rest, rest.length);
    expect(output.take()).toBe('');
  });

  it('does not write half of a surrogate pair before the end of the text', () => {
    const output = new MaskedOutput();
    const text = 'ok 😀 more';
    output.settle(text, 4);
    expect(output.take()).toBe('ok ');
    expect(output.writtenEnd).toBe(3);
    output.settle(text, text.length);
    expect(output.take()).toBe('😀 more');
  });
});

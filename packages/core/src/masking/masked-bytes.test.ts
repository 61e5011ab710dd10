import { describe, expect, it } from 'vitest';
import { MaskedBytes } from './masked-bytes';
import { MASK } from './masked-output';

describe('MaskedBytes', () => {
  it('copies (not shares) the unmasked bytes and writes the mask for each masked stretch', () => {
    const input = Buffer.from('a SECRET b OTHER c', 'utf8');
    const output = new MaskedBytes();
    output.cover(2, 8);
    output.cover(11, 16);
    output.settle(input.length);
    const taken = output.take(input);
    input.fill('x');
    expect(taken?.toString('utf8')).toBe(`a ${MASK} b ${MASK} c`);
  });

  it('gives nothing when nothing was written, and starts afresh after each take', () => {
    const input = Buffer.from('SECRET-PART tail', 'utf8');
    const output = new MaskedBytes();
    expect(output.take(input)).toBeUndefined();
    output.cover(0, 11);
    expect(output.take(input)?.toString('utf8')).toBe(MASK);
    output.settle(16);
    expect(output.take(input)?.toString('utf8')).toBe(' tail');
    expect(output.take(input)).toBeUndefined();
  });
});

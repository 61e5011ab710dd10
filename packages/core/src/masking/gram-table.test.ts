import { describe, expect, it } from 'vitest';
import { foldCharacter, GramTable, gramKey } from './gram-table';

describe('gramKey', () => {
  it('packs up to four Latin-1 characters exactly, one byte each', () => {
    expect(gramKey('abcd', 0, 4)).toBe(0x61626364);
    expect(gramKey('xabc', 1, 3)).toBe(0x616263);
    expect(gramKey('é', 0, 1)).toBe(0xe9);
  });

  it('folds characters past Latin-1 to one byte', () => {
    expect(foldCharacter(0x20ac)).toBe((0x20ac ^ 0x20) & 0xff);
    expect(foldCharacter(0x41)).toBe(0x41);
  });
});

describe('GramTable', () => {
  it('returns the entries of a key in the order they were added, and nothing for others', () => {
    const table = new GramTable<string>(3);
    table.add(1, 'first');
    table.add(2, 'other');
    table.add(1, 'second');
    expect(table.get(1)).toEqual(['first', 'second']);
    expect(table.get(2)).toEqual(['other']);
    expect(table.get(3)).toBeUndefined();
    expect(table.get(0)).toBeUndefined();
  });

  it('keeps keys apart when many share hash slots', () => {
    const keys = Array.from({ length: 5000 }, (_, index) => Math.imul(index, 0x01000193));
    const table = new GramTable<number>(keys.length);
    for (const [index, key] of keys.entries()) table.add(key, index);
    expect(keys.map((key) => table.get(key))).toEqual(keys.map((_, index) => [index]));
    expect(table.get(-7)).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unfinishedCharacterStart, wellFormedUtf8 } from './well-formed-utf8';

const bytes = (...values: number[]) => Buffer.from(values);

describe('unfinishedCharacterStart', () => {
  it('finds the start of a character whose last bytes have not arrived', () => {
    const euro = Buffer.from('a€', 'utf8'); // 61 e2 82 ac
    expect(unfinishedCharacterStart(euro)).toBe(4);
    expect(unfinishedCharacterStart(euro.subarray(0, 3))).toBe(1);
    expect(unfinishedCharacterStart(euro.subarray(0, 2))).toBe(1);
    const emoji = Buffer.from('😀', 'utf8'); // f0 9f 98 80
    expect(unfinishedCharacterStart(emoji.subarray(0, 3))).toBe(0);
    expect(unfinishedCharacterStart(emoji)).toBe(4);
    expect(unfinishedCharacterStart(bytes())).toBe(0);
  });

  it('leaves bytes that no further byte could complete to be decoded now', () => {
    expect(unfinishedCharacterStart(bytes(0x61, 0x80))).toBe(2);
    expect(unfinishedCharacterStart(bytes(0x61, 0xff))).toBe(2);
    expect(unfinishedCharacterStart(bytes(0x61, 0xc0))).toBe(2);
    expect(unfinishedCharacterStart(bytes(0x80, 0x80, 0x80))).toBe(3);
  });

  it('cuts where decoding the parts apart equals decoding the whole, for any bytes', () => {
    const byte = fc.constantFrom(
      0x61,
      0x80,
      0x9f,
      0xbf,
      0xc2,
      0xc3,
      0xe0,
      0xe2,
      0xed,
      0xf0,
      0xf4,
      0xff,
    );
    fc.assert(
      fc.property(
        fc.array(byte, { maxLength: 12 }),
        fc.array(byte, { maxLength: 6 }),
        (head, tail) => {
          const input = Buffer.from([...head, ...tail]);
          const cut = unfinishedCharacterStart(Buffer.from(head));
          const apart =
            input.subarray(0, cut).toString('utf8') + input.subarray(cut).toString('utf8');
          expect(apart).toBe(input.toString('utf8'));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('wellFormedUtf8', () => {
  it('returns valid bytes as they are, without a copy', () => {
    const valid = Buffer.from('plain é 😀', 'utf8');
    const result = wellFormedUtf8(valid, valid.length);
    expect(result.bytes).toBe(valid);
    expect(result.end).toBe(valid.length);
  });

  it('replaces invalid sequences with U+FFFD as decoding does, and keeps the bytes after `end`', () => {
    const input = bytes(0x61, 0xff, 0x62, 0xe2, 0x82);
    const { bytes: repaired, end } = wellFormedUtf8(input, 3);
    expect(repaired.subarray(0, end).toString('utf8')).toBe('a\uFFFDb');
    expect([...repaired.subarray(end)]).toEqual([0xe2, 0x82]);
    const whole = wellFormedUtf8(input, input.length);
    expect(whole.bytes.toString('utf8')).toBe(input.toString('utf8'));
  });
});

import fc from 'fast-check';

/**
 * The characters masking tests build from: ASCII, a two-byte and a four-byte UTF-8 character
 * (a surrogate pair in UTF-16), a line break, a space, and U+FFFD (what invalid UTF-8 becomes).
 */
export const maskingUnit = fc.constantFrom('a', 'b', 'é', '😀', '\n', ' ', '\uFFFD');

/** One to five values to mask, each of one to ten characters. */
export const patternsArbitrary = fc.array(
  fc.string({ unit: maskingUnit, minLength: 1, maxLength: 10 }),
  { minLength: 1, maxLength: 5 },
);

/** Text built from the patterns and noise, so that matches, overlaps and near-misses abound. */
export function textWith(patterns: string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...patterns), fc.string({ unit: maskingUnit, maxLength: 6 })), {
      maxLength: 12,
    })
    .map((parts) => parts.join(''));
}

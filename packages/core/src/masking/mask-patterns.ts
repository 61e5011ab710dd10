import { encodedForms } from './encoded-forms';

/** What the masker searches for, derived from the values it was given. */
export interface MaskPatterns {
  /** Every distinct text to mask: values, their lines and the encoded forms of both. */
  readonly patterns: readonly string[];
  /** How many distinct values are shorter than the minimum length, and so not masked. */
  readonly tooShort: number;
  /** How many distinct values are masked. */
  readonly valueCount: number;
}

const lineBreak = /\r\n|\n|\r/;

/**
 * Expands values into the patterns to mask. A value shorter than `minLength` is counted and
 * left out (masking it would mangle ordinary text); so is a line of a multi-line value, which
 * is not counted: the value as a whole is still masked. Empty values and repeats are ignored.
 */
export function maskPatterns(values: readonly string[], minLength: number): MaskPatterns {
  const patterns = new Set<string>();
  let tooShort = 0;
  let valueCount = 0;
  for (const value of new Set(values)) {
    if (value.length === 0) continue;
    if (value.length < minLength) {
      tooShort++;
      continue;
    }
    valueCount++;
    const lines = value.split(lineBreak).filter((line) => line.length >= minLength);
    for (const text of new Set([value, ...lines])) {
      for (const form of encodedForms(text)) {
        if (form.length >= minLength) patterns.add(form);
      }
    }
  }
  return { patterns: [...patterns], tooShort, valueCount };
}

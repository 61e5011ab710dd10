import type { Transform } from 'node:stream';
import { maskPatterns } from './mask-patterns';
import { createMaskStream } from './mask-stream';
import { maskText } from './mask-text';
import { type MaskerOptions, validateMaskerInput } from './masker-options';
import { PatternIndex } from './pattern-index';
import { utf8PatternIndex } from './utf8-pattern-index';

/** Hides secret values in text such as build logs. Holds no secret in its own properties. */
export interface Masker {
  /**
   * The text with every value and every encoded form of it replaced by `MASK`, each unbroken
   * stretch of masked characters (overlapping or touching matches) by one `MASK`. Text without
   * any value comes back unchanged.
   */
  mask(text: string): string;
  /**
   * A new Transform (strings or Buffers in, UTF-8 out) that masks like {@link Masker.mask},
   * including a value split across chunks: its output is `mask()` of the whole input decoded,
   * however the input is cut. Each output chunk is whole characters, copied: it never shares
   * memory with an input Buffer. Use one stream per output (stdout, stderr).
   */
  stream(): Transform;
  /** How many distinct values were too short to mask; a host should warn about them. */
  readonly tooShort: number;
  /** How many distinct values are masked. */
  readonly valueCount: number;
  /** How many distinct texts are searched for: the values, their lines and encoded forms. */
  readonly patternCount: number;
}

/**
 * Creates a masker for the values a resolution produced. It masks each value, each line of a
 * multi-line value, and their base64 (standard and URL-safe, with or without padding, also
 * inside a longer base64 text), URL-encoded and JSON-escaped forms. Overlapping matches are
 * masked as one. Empty values and repeats are ignored; values shorter than
 * `options.minLength` are counted in `tooShort` and not masked.
 *
 * @throws SecretError `INVALID_CONFIG` when `values` is not an array of strings or
 * `minLength` is not a positive integer (the message never holds a value).
 */
export function createMasker(values: readonly string[], options?: MaskerOptions): Masker {
  const minLength = validateMaskerInput(values, options);
  const { patterns, tooShort, valueCount } = maskPatterns(values, minLength);
  const index = new PatternIndex(patterns);
  // Built on the first stream, and shared by the streams after it: a host that only calls
  // mask() never pays for it (and with ASCII patterns it is `index` itself).
  let utf8Index: PatternIndex | undefined;
  const streamIndex = () => {
    utf8Index ??= utf8PatternIndex(patterns, index);
    return utf8Index;
  };
  return Object.freeze({
    mask: (text: string) => maskText(index, text),
    stream: () => createMaskStream(streamIndex()),
    tooShort,
    valueCount,
    patternCount: index.size,
  });
}

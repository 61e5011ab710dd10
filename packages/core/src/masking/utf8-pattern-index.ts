import { PatternIndex } from './pattern-index';

/**
 * A pattern's UTF-8 bytes as a latin1 string, one character per byte: the spelling
 * {@link PatternIndex.scanBytes} looks for. `undefined` for a pattern with a lone surrogate:
 * it has no UTF-8 form, and decoded UTF-8 never holds one, so it can never match.
 */
function utf8Spelling(pattern: string): string | undefined {
  const bytes = Buffer.from(pattern, 'utf8');
  return bytes.toString('utf8') === pattern ? bytes.toString('latin1') : undefined;
}

/**
 * An index whose {@link PatternIndex.scanBytes} finds `patterns` in UTF-8 bytes, which is how
 * the stream scans without decoding. Since UTF-8 never starts a character with a byte that
 * can continue another, the bytes of a pattern occur in the bytes of a text exactly where the
 * pattern occurs in the text. When every pattern is ASCII its bytes spell it already, and
 * `textIndex` (built from the same patterns) is returned: no second table in memory.
 */
export function utf8PatternIndex(
  patterns: readonly string[],
  textIndex?: PatternIndex,
): PatternIndex {
  const spellings = patterns.map(utf8Spelling);
  if (textIndex !== undefined && spellings.every((spelling, at) => spelling === patterns[at])) {
    return textIndex;
  }
  return new PatternIndex(spellings.filter((spelling) => spelling !== undefined));
}

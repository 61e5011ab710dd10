import { byteGramKey, foldCharacter, GramTable, gramKey, LONGEST_GRAM } from './gram-table';

interface GramEntry {
  readonly pattern: string;
  /** Where the gram stands in the pattern. */
  readonly offset: number;
}

/** What a scan reports: an occurrence of a pattern of `length` characters at `start`. */
export type MatchListener = (start: number, length: number) => void;

/**
 * Finds patterns in text. Every occurrence of a pattern at least `shortest` characters long
 * covers one of the positions `step = shortest - gram + 1` apart, and the few characters
 * (the "gram") from there are one of the pattern's first `step` grams. So the scan reads one
 * gram every `step` characters and looks it up in a table of those grams; only the rare hits
 * are compared with the text. Measured against one combined RegExp and Aho-Corasick, see
 * docs/decisions/0150-masker-search-algorithm.md.
 */
export class PatternIndex {
  /** How many distinct patterns the index holds. */
  readonly size: number;
  readonly #longest: number;
  readonly #gramLength: number;
  readonly #keyMask: number;
  readonly #step: number;
  readonly #table: GramTable<GramEntry>;
  /** Beginnings of patterns too short to make a gram, for the last characters of a text. */
  readonly #shortPrefixes: ReadonlySet<string>;

  /** Builds the index once per masker; patterns must be non-empty, repeats are ignored. */
  constructor(texts: readonly string[]) {
    const patterns = [...new Set(texts)];
    const lengths = patterns.map((pattern) => pattern.length);
    this.size = patterns.length;
    this.#longest = lengths.reduce((left, right) => Math.max(left, right), 0);
    const shortest = lengths.reduce((left, right) => Math.min(left, right), this.#longest);
    // A shorter gram lets the scan step further when some pattern is short; below 8 characters
    // that gain outweighs the extra hits of a less selective gram.
    const gramLength = Math.max(1, Math.min(shortest < 8 ? 3 : LONGEST_GRAM, shortest));
    this.#gramLength = gramLength;
    this.#keyMask = gramLength === LONGEST_GRAM ? -1 : (1 << (8 * gramLength)) - 1;
    const step = Math.max(1, shortest - gramLength + 1);
    this.#step = step;
    // Grams further into a pattern come first: a scan then reports matches in order of start.
    const entries = patterns
      .flatMap((pattern) => Array.from({ length: step }, (_, offset) => ({ pattern, offset })))
      .sort((left, right) => right.offset - left.offset);
    this.#table = new GramTable<GramEntry>(entries.length);
    for (const entry of entries) {
      this.#table.add(gramKey(entry.pattern, entry.offset, gramLength), entry);
    }
    this.#shortPrefixes = new Set(
      patterns.flatMap((pattern) =>
        Array.from({ length: gramLength - 1 }, (_, length) => pattern.slice(0, length + 1)),
      ),
    );
  }

  /**
   * Reports every pattern occurrence in `text` that starts at `from` or later, in order of
   * start (several may share a start), and returns where it stopped. Unless `final`, it stops
   * at the first position where `text` ends inside what could still become a pattern: the
   * caller keeps the text from there and scans it again once more text follows.
   */
  scan(text: string, from: number, final: boolean, onMatch: MatchListener): number {
    if (this.size === 0) return text.length;
    const stop = final ? text.length : this.#firstUnsettled(text, from);
    const step = this.#step;
    const gramLength = this.#gramLength;
    // The gram at `at` stands in every occurrence that starts from `at - step + 1` to `at`.
    const last = Math.min(stop + step - 1, text.length - gramLength);
    let at = from + step - 1;
    if (at > last) return stop;
    let key = gramKey(text, at, gramLength);
    while (true) {
      const candidates = this.#table.get(key & this.#keyMask);
      if (candidates !== undefined) verify(candidates, text, at, stop, onMatch);
      at += step;
      if (at > last) return stop;
      // Grams overlap when the step is shorter than a gram: only the new characters are read.
      for (let index = Math.max(at, at + gramLength - step); index < at + gramLength; index++) {
        key = (key << 8) | foldCharacter(text.charCodeAt(index));
      }
    }
  }

  /**
   * {@link PatternIndex.scan} over bytes, each byte read as one character (latin1): built from
   * patterns spelled that way, the index finds them in bytes without decoding them into a
   * string. A copy of `scan` rather than one scan for both: each stays specialised to one
   * kind of input in the hot loop, and the stream allocates no string per chunk.
   */
  scanBytes(bytes: Uint8Array, from: number, final: boolean, onMatch: MatchListener): number {
    if (this.size === 0) return bytes.length;
    const stop = final ? bytes.length : this.#firstUnsettledByte(bytes, from);
    const step = this.#step;
    const gramLength = this.#gramLength;
    const last = Math.min(stop + step - 1, bytes.length - gramLength);
    let at = from + step - 1;
    if (at > last) return stop;
    let key = byteGramKey(bytes, at, gramLength);
    while (true) {
      const candidates = this.#table.get(key & this.#keyMask);
      if (candidates !== undefined) verifyBytes(candidates, bytes, at, stop, onMatch);
      at += step;
      if (at > last) return stop;
      for (let index = Math.max(at, at + gramLength - step); index < at + gramLength; index++) {
        key = (key << 8) | bytes[index]!;
      }
    }
  }

  /** The first position from which the text up to its end could still become a pattern. */
  #firstUnsettled(text: string, from: number): number {
    const gramLength = this.#gramLength;
    const first = Math.max(from, text.length - this.#longest + 1);
    const lastGramStart = text.length - gramLength;
    let key = first <= lastGramStart ? gramKey(text, first, gramLength - 1) : 0;
    for (let start = first; start <= lastGramStart; start++) {
      key = (key << 8) | foldCharacter(text.charCodeAt(start + gramLength - 1));
      const candidates = this.#table.get(key & this.#keyMask);
      if (candidates !== undefined && continues(candidates, text, start)) return start;
    }
    for (let start = Math.max(first, lastGramStart + 1); start < text.length; start++) {
      if (this.#shortPrefixes.has(text.slice(start))) return start;
    }
    return text.length;
  }

  /** {@link PatternIndex.#firstUnsettled} over bytes. */
  #firstUnsettledByte(bytes: Uint8Array, from: number): number {
    const gramLength = this.#gramLength;
    const first = Math.max(from, bytes.length - this.#longest + 1);
    const lastGramStart = bytes.length - gramLength;
    let key = first <= lastGramStart ? byteGramKey(bytes, first, gramLength - 1) : 0;
    for (let start = first; start <= lastGramStart; start++) {
      key = (key << 8) | bytes[start + gramLength - 1]!;
      const candidates = this.#table.get(key & this.#keyMask);
      if (candidates !== undefined && continuesBytes(candidates, bytes, start)) return start;
    }
    for (let start = Math.max(first, lastGramStart + 1); start < bytes.length; start++) {
      if (this.#shortPrefixes.has(latin1Text(bytes, start))) return start;
    }
    return bytes.length;
  }
}

/** Compares the text with the patterns whose gram stands at `at`. */
function verify(
  candidates: readonly GramEntry[],
  text: string,
  at: number,
  stop: number,
  onMatch: MatchListener,
): void {
  for (const { pattern, offset } of candidates) {
    const start = at - offset;
    if (start < stop && text.startsWith(pattern, start)) onMatch(start, pattern.length);
  }
}

/** Whether the text from `start` to its end begins one of the patterns listed. */
function continues(candidates: readonly GramEntry[], text: string, start: number): boolean {
  const rest = text.slice(start);
  return candidates.some(
    ({ pattern, offset }) =>
      offset === 0 && pattern.length > rest.length && pattern.startsWith(rest),
  );
}

/** Whether `bytes` from `start` to `end` spell the beginning of `pattern` (one byte a character). */
function spellsPattern(pattern: string, bytes: Uint8Array, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if (bytes[index] !== pattern.charCodeAt(index - start)) return false;
  }
  return true;
}

/** The bytes from `start` to the end (a few at most) as a latin1 string. */
function latin1Text(bytes: Uint8Array, start: number): string {
  let text = '';
  for (let index = start; index < bytes.length; index++) text += String.fromCharCode(bytes[index]!);
  return text;
}

/** {@link verify} over bytes. */
function verifyBytes(
  candidates: readonly GramEntry[],
  bytes: Uint8Array,
  at: number,
  stop: number,
  onMatch: MatchListener,
): void {
  for (const { pattern, offset } of candidates) {
    const start = at - offset;
    const end = start + pattern.length;
    if (start < stop && end <= bytes.length && spellsPattern(pattern, bytes, start, end)) {
      onMatch(start, pattern.length);
    }
  }
}

/** {@link continues} over bytes. */
function continuesBytes(
  candidates: readonly GramEntry[],
  bytes: Uint8Array,
  start: number,
): boolean {
  return candidates.some(
    ({ pattern, offset }) =>
      offset === 0 &&
      pattern.length > bytes.length - start &&
      spellsPattern(pattern, bytes, start, bytes.length),
  );
}

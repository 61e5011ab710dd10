/** What replaces each masked stretch of text. */
export const MASK = '********';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Builds masked text from the matches of a scan, reported in order of their start. Every
 * character inside any match is masked, and each unbroken stretch of masked characters
 * (overlapping or touching matches) becomes one {@link MASK}: a value that contains or
 * overlaps another is hidden whole, never shown in part around a shorter match.
 *
 * Positions are relative to the caller's text; a stream that drops text it no longer needs
 * calls {@link MaskedOutput.drop} so that the positions kept here follow.
 */
export class MaskedOutput {
  /** End of the last masked stretch; a match starting at or before it extends it. */
  #maskedEnd = -1;
  /** Where the text not yet written out starts. */
  #writtenEnd = 0;
  #output = '';

  /** The text written out so far and not yet taken. */
  take(): string {
    const output = this.#output;
    this.#output = '';
    return output;
  }

  /** Where the text not yet written out starts: a stream must keep the text from there. */
  get writtenEnd(): number {
    return this.#writtenEnd;
  }

  /** Masks `text` from `start` to `end`; starts must come in increasing order. */
  cover(text: string, start: number, end: number): void {
    if (start <= this.#maskedEnd) {
      if (end > this.#maskedEnd) this.#maskedEnd = end;
    } else {
      this.#output += text.slice(this.#writtenEnd, start) + MASK;
      this.#maskedEnd = end;
    }
    if (this.#maskedEnd > this.#writtenEnd) this.#writtenEnd = this.#maskedEnd;
  }

  /**
   * Writes out the unmasked text up to `until`: no later match can start before it. Unless
   * `until` is the end of the text, a surrogate pair it would split is kept whole for later,
   * since half a pair has no UTF-8 form.
   */
  settle(text: string, until: number): void {
    let end = until;
    if (end < text.length && end > this.#writtenEnd && isHighSurrogate(text.charCodeAt(end - 1))) {
      end--;
    }
    if (end <= this.#writtenEnd) return;
    this.#output += text.slice(this.#writtenEnd, end);
    this.#writtenEnd = end;
  }

  /** Follows the caller dropping the first `count` characters of its text. */
  drop(count: number): void {
    this.#maskedEnd -= count;
    this.#writtenEnd -= count;
  }
}

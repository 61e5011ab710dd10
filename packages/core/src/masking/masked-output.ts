/** What replaces each masked stretch of text. */
export const MASK = '********';

/**
 * Decides, from the matches of a scan reported in order of their start, what is written out:
 * every character inside any match is masked, and each unbroken stretch of masked characters
 * (overlapping or touching matches) becomes one {@link MASK}. A value that contains or
 * overlaps another is hidden whole, never shown in part around a shorter match.
 *
 * This class deals in positions only; a subclass writes them out as a string
 * ({@link maskText}) or as bytes (the stream), so both follow the same rule. Positions are
 * relative to the caller's text; a stream that drops text it no longer needs calls
 * {@link MaskedOutput.drop} so that the positions kept here follow.
 */
export abstract class MaskedOutput {
  /** End of the last masked stretch; a match starting at or before it extends it. */
  #maskedEnd = -1;
  /** Where the text not yet written out starts. */
  #writtenEnd = 0;

  /** Writes out the unmasked text from `start` to `end`. */
  protected abstract keep(start: number, end: number): void;

  /** Writes out one {@link MASK}. */
  protected abstract hide(): void;

  /** Where the text not yet written out starts: a stream must keep the text from there. */
  get writtenEnd(): number {
    return this.#writtenEnd;
  }

  /** Masks the text from `start` to `end`; starts must come in increasing order. */
  cover(start: number, end: number): void {
    if (start <= this.#maskedEnd) {
      if (end > this.#maskedEnd) this.#maskedEnd = end;
    } else {
      if (start > this.#writtenEnd) this.keep(this.#writtenEnd, start);
      this.hide();
      this.#maskedEnd = end;
    }
    if (this.#maskedEnd > this.#writtenEnd) this.#writtenEnd = this.#maskedEnd;
  }

  /**
   * Writes out the unmasked text up to `until`: no later match can start before it. The
   * caller passes a position between two characters.
   */
  settle(until: number): void {
    if (until <= this.#writtenEnd) return;
    this.keep(this.#writtenEnd, until);
    this.#writtenEnd = until;
  }

  /** Follows the caller dropping the first `count` characters of its text. */
  drop(count: number): void {
    this.#maskedEnd -= count;
    this.#writtenEnd -= count;
  }
}

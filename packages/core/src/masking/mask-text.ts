import { MASK, MaskedOutput } from './masked-output';
import type { PatternIndex } from './pattern-index';

/** Masked output built as a string, from one whole text. */
class MaskedText extends MaskedOutput {
  readonly #text: string;
  #output = '';

  constructor(text: string) {
    super();
    this.#text = text;
  }

  /** The masked text written out so far. */
  get output(): string {
    return this.#output;
  }

  protected keep(start: number, end: number): void {
    this.#output += this.#text.slice(start, end);
  }

  protected hide(): void {
    this.#output += MASK;
  }
}

/** Masks a whole text at once. */
export function maskText(index: PatternIndex, text: string): string {
  const output = new MaskedText(text);
  const stop = index.scan(text, 0, true, (start, length) => output.cover(start, start + length));
  output.settle(stop);
  return output.output;
}

import { MASK, MaskedOutput } from './masked-output';

const MASK_BYTES = Buffer.from(MASK, 'utf8');
/** Stands for a {@link MASK} in the list of pieces, where input positions are never negative. */
const MASKED = -1;

/**
 * Masked output built as bytes, for a stream: the unmasked stretches of the input are copied
 * as they are, never decoded and encoded again. Positions are byte offsets into the input the
 * caller passes to {@link MaskedBytes.take}.
 */
export class MaskedBytes extends MaskedOutput {
  /**
   * `start, end` pairs of input to copy, `MASKED, MASKED` for a mask: recorded as numbers and
   * copied once in `take`, since a Buffer slice per piece costs more than the copy.
   */
  #pieces: number[] = [];
  #length = 0;

  protected keep(start: number, end: number): void {
    this.#pieces.push(start, end);
    this.#length += end - start;
  }

  protected hide(): void {
    this.#pieces.push(MASKED, MASKED);
    this.#length += MASK_BYTES.length;
  }

  /**
   * The bytes written out since the last call, copied out of `input` into a new Buffer, or
   * `undefined` when there are none. The output never shares memory with the input: a
   * producer that reuses its Buffer after the write cannot change what was masked.
   */
  take(input: Buffer): Buffer | undefined {
    if (this.#length === 0) return undefined;
    const output = Buffer.allocUnsafe(this.#length);
    const pieces = this.#pieces;
    let at = 0;
    for (let index = 0; index < pieces.length; index += 2) {
      const start = pieces[index]!;
      at +=
        start === MASKED
          ? MASK_BYTES.copy(output, at)
          : input.copy(output, at, start, pieces[index + 1]!);
    }
    this.#pieces = [];
    this.#length = 0;
    return output;
  }
}

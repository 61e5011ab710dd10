import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { MaskedOutput } from './masked-output';
import type { PatternIndex } from './pattern-index';

/**
 * Masks `text` as far as it can be decided: up to the first position where the text could
 * still be the start of a pattern (everything when `final`). Returns the masked text and how
 * many characters of `text`, from the start, are no longer needed.
 */
function maskSettled(
  index: PatternIndex,
  output: MaskedOutput,
  text: string,
  from: number,
  final: boolean,
): { masked: string; stop: number } {
  const stop = index.scan(text, from, final, (start, length) =>
    output.cover(text, start, start + length),
  );
  output.settle(text, stop);
  return { masked: output.take(), stop };
}

/** Masks a whole text at once. */
export function maskText(index: PatternIndex, text: string): string {
  return maskSettled(index, new MaskedOutput(), text, 0, true).masked;
}

/**
 * A Transform that masks text arriving in chunks (strings or Buffers of UTF-8) and writes
 * UTF-8. Its output equals {@link maskText} of the whole input however the input is cut:
 * a character split between chunks is decoded whole, and only the tail that could still be
 * the start of a pattern (shorter than the longest pattern) is held back until more arrives.
 */
export function createMaskStream(index: PatternIndex): Transform {
  const decoder = new StringDecoder('utf8');
  const output = new MaskedOutput();
  // Held in this closure, not on the stream, so that inspecting the stream shows no secret.
  let pending = '';
  let from = 0;

  function advance(text: string, final: boolean): string {
    // join, unlike +, builds a flat string: a rope is slow to read character by character.
    pending = pending.length === 0 ? text : [pending, text].join('');
    const { masked, stop } = maskSettled(index, output, pending, from, final);
    const kept = Math.min(stop, output.writtenEnd);
    pending = pending.slice(kept);
    from = stop - kept;
    output.drop(kept);
    return masked;
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const masked = advance(decoder.write(chunk), false);
      callback(null, masked.length > 0 ? masked : undefined);
    },
    flush(callback) {
      const masked = advance(decoder.end(), true);
      callback(null, masked.length > 0 ? masked : undefined);
    },
  });
}

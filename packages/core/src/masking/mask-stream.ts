import type { Transform } from 'node:stream';
import { MaskedBytes } from './masked-bytes';
import type { PatternIndex } from './pattern-index';
import { unfinishedCharacterStart, wellFormedUtf8 } from './well-formed-utf8';

const NOTHING = Buffer.alloc(0);

/**
 * Masks UTF-8 bytes arriving in chunks, on the bytes themselves: the scan reads them with an
 * index of the patterns' UTF-8 bytes, and the unmasked bytes are copied to the output as they
 * are. Nothing is decoded or encoded, and no string is made per chunk. Only what cannot be
 * settled yet is held back: a tail shorter than the longest pattern that could still begin
 * one, and the first bytes of a character cut off by the chunk's end.
 */
class ChunkMasker {
  readonly #index: PatternIndex;
  readonly #output = new MaskedBytes();
  /**
   * The input not written out yet (it starts where the last scan stopped) in its first
   * `#heldLength` bytes, then room for the next chunk. Reused from chunk to chunk, because
   * a new Buffer for each costs more than the copy it holds (fresh memory to fault in).
   */
  #joined: Buffer = NOTHING;
  #heldLength = 0;
  readonly #cover = (start: number, length: number) => this.#output.cover(start, start + length);

  constructor(utf8Index: PatternIndex) {
    this.#index = utf8Index;
  }

  write(chunk: Buffer): Buffer | undefined {
    if (this.#heldLength === 0) return this.#advance(chunk, false);
    const length = this.#heldLength + chunk.length;
    if (this.#joined.length < length) {
      const larger = Buffer.allocUnsafe(Math.max(length, 2 * this.#joined.length));
      this.#joined.copy(larger, 0, 0, this.#heldLength);
      this.#joined = larger;
    }
    chunk.copy(this.#joined, this.#heldLength);
    return this.#advance(this.#joined.subarray(0, length), false);
  }

  end(): Buffer | undefined {
    return this.#advance(this.#joined.subarray(0, this.#heldLength), true);
  }

  /** Masks `input` up to where it is settled and holds the rest. */
  #advance(input: Buffer, final: boolean): Buffer | undefined {
    const whole = final ? input.length : unfinishedCharacterStart(input);
    const { bytes, end } = wellFormedUtf8(input, whole);
    const output = this.#output;
    const decodable = end === bytes.length ? bytes : bytes.subarray(0, end);
    const stop = this.#index.scanBytes(decodable, 0, final, this.#cover);
    output.settle(stop);
    const masked = output.take(bytes);
    this.#hold(bytes, stop);
    output.drop(stop);
    return masked;
  }

  /** Keeps the bytes from `stop` on; a copy, since `bytes` may be a chunk the caller reuses. */
  #hold(bytes: Buffer, stop: number): void {
    this.#heldLength = bytes.length - stop;
    if (this.#heldLength === 0) return;
    if (this.#joined.length < this.#heldLength) this.#joined = Buffer.allocUnsafe(this.#heldLength);
    bytes.copy(this.#joined, 0, stop);
  }
}

/**
 * A Transform that masks text arriving in chunks (strings or Buffers of UTF-8) and writes
 * UTF-8, each output chunk whole characters. Its output equals the UTF-8 of `mask()` of the
 * whole input decoded (invalid bytes read as U+FFFD) however the input is cut. `utf8Index`
 * finds the patterns' UTF-8 bytes (see `utf8PatternIndex`).
 */
export function createMaskStream(utf8Index: PatternIndex): Transform {
  // Held in this closure, not on the stream, so that inspecting the stream shows no secret.
  const masker = new ChunkMasker(utf8Index);
  // Loaded here, not with the package: node:stream is costly to load and only streams need it.
  const { Transform } = process.getBuiltinModule('node:stream');
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, masker.write(chunk));
    },
    flush(callback) {
      callback(null, masker.end());
    },
  });
}

const HASH_MULTIPLIER = 0x9e3779b1 | 0;
/** Filter bits per key: about 1 in 32 grams of other text passes the filter. */
const FILTER_BITS_PER_KEY = 32;
/** Slots per key: the table stays at most half full, so probe sequences stay short. */
const SLOTS_PER_KEY = 2;
const SMALLEST_BITS = 8;
/** Keeps `1 << bits` a positive 32-bit integer. */
const LARGEST_BITS = 30;

/** The longest gram a key holds: one byte per character in a 32-bit integer. */
export const LONGEST_GRAM = 4;

/** One byte per character: a gram table is a filter, so characters past Latin-1 may collide. */
export function foldCharacter(code: number): number {
  return code < 0x100 ? code : (code ^ (code >>> 8)) & 0xff;
}

/** The key of the `length` characters of `text` from `start` (at most {@link LONGEST_GRAM}). */
export function gramKey(text: string, start: number, length: number): number {
  let key = 0;
  for (let index = start; index < start + length; index++) {
    key = (key << 8) | foldCharacter(text.charCodeAt(index));
  }
  return key;
}

/** {@link gramKey} of bytes, each byte one character. */
export function byteGramKey(bytes: Uint8Array, start: number, length: number): number {
  let key = 0;
  for (let index = start; index < start + length; index++) key = (key << 8) | bytes[index]!;
  return key;
}

function bitsFor(count: number): number {
  return Math.min(LARGEST_BITS, Math.max(SMALLEST_BITS, Math.ceil(Math.log2(count + 1))));
}

/**
 * A hash table from gram keys to lists of entries, built once. A look-up, in the usual case
 * where no pattern has that gram, reads one bit of a filter small enough to stay in the CPU
 * cache. Past the filter, open addressing keeps each key in its slot, so text whose gram
 * merely hashes like a pattern's costs one comparison.
 */
export class GramTable<Entry> {
  readonly #filterShift: number;
  readonly #filter: Int32Array;
  readonly #slotShift: number;
  readonly #slotMask: number;
  readonly #keys: Int32Array;
  /** 0 for an empty slot, else the list's position + 1. */
  readonly #lists: Int32Array;
  readonly #entries: Entry[][] = [];

  constructor(keyCount: number) {
    const filterBits = bitsFor(keyCount * FILTER_BITS_PER_KEY);
    const slotBits = bitsFor(keyCount * SLOTS_PER_KEY);
    this.#filterShift = 32 - filterBits;
    this.#filter = new Int32Array((1 << filterBits) >>> 5);
    this.#slotShift = 32 - slotBits;
    this.#slotMask = (1 << slotBits) - 1;
    this.#keys = new Int32Array(1 << slotBits);
    this.#lists = new Int32Array(1 << slotBits);
  }

  /** Adds an entry under a key; entries of one key keep the order they were added in. */
  add(key: number, entry: Entry): void {
    const hash = Math.imul(key, HASH_MULTIPLIER);
    const bit = hash >>> this.#filterShift;
    this.#filter[bit >>> 5]! |= 1 << (bit & 31);
    let slot = hash >>> this.#slotShift;
    while (this.#lists[slot] !== 0 && this.#keys[slot] !== key) slot = (slot + 1) & this.#slotMask;
    if (this.#lists[slot] === 0) {
      this.#keys[slot] = key;
      this.#lists[slot] = this.#entries.push([]);
    }
    this.#entries[this.#lists[slot]! - 1]!.push(entry);
  }

  /** The entries added under a key, or `undefined` when there are none. */
  get(key: number): readonly Entry[] | undefined {
    const hash = Math.imul(key, HASH_MULTIPLIER);
    const bit = hash >>> this.#filterShift;
    if ((this.#filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return undefined;
    let slot = hash >>> this.#slotShift;
    let list = this.#lists[slot]!;
    while (list !== 0 && this.#keys[slot] !== key) {
      slot = (slot + 1) & this.#slotMask;
      list = this.#lists[slot]!;
    }
    return list === 0 ? undefined : this.#entries[list - 1];
  }
}

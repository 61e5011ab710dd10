const HASH_MULTIPLIER = 0x9e3779b1 | 0;
const SLOTS_PER_KEY = 8;
const SMALLEST_BITS = 8;

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

/**
 * A hash table from gram keys to lists of entries, built once. Open addressing keeps each key
 * in its slot, so text whose gram merely hashes like a pattern's costs one comparison, and a
 * look-up in the usual case (no pattern there) is one read of a mostly empty array.
 */
export class GramTable<Entry> {
  readonly #shift: number;
  readonly #slotMask: number;
  /** One bit per slot: whether any key hashes to it. Small enough to stay in the CPU cache. */
  readonly #homes: Int32Array;
  readonly #keys: Int32Array;
  /** 0 for an empty slot, else the list's position + 1. */
  readonly #lists: Int32Array;
  readonly #entries: Entry[][] = [];

  constructor(keyCount: number) {
    const bits = Math.max(SMALLEST_BITS, Math.ceil(Math.log2(keyCount * SLOTS_PER_KEY + 1)));
    this.#shift = 32 - bits;
    this.#slotMask = (1 << bits) - 1;
    this.#homes = new Int32Array(Math.max(1, (1 << bits) >>> 5));
    this.#keys = new Int32Array(1 << bits);
    this.#lists = new Int32Array(1 << bits);
  }

  /** Adds an entry under a key; entries of one key keep the order they were added in. */
  add(key: number, entry: Entry): void {
    let slot = Math.imul(key, HASH_MULTIPLIER) >>> this.#shift;
    this.#homes[slot >>> 5]! |= 1 << (slot & 31);
    while (this.#lists[slot] !== 0 && this.#keys[slot] !== key) slot = (slot + 1) & this.#slotMask;
    if (this.#lists[slot] === 0) {
      this.#keys[slot] = key;
      this.#lists[slot] = this.#entries.push([]);
    }
    this.#entries[this.#lists[slot]! - 1]!.push(entry);
  }

  /** The entries added under a key, or `undefined` when there are none. */
  get(key: number): readonly Entry[] | undefined {
    let slot = Math.imul(key, HASH_MULTIPLIER) >>> this.#shift;
    if ((this.#homes[slot >>> 5]! & (1 << (slot & 31))) === 0) return undefined;
    let list = this.#lists[slot]!;
    while (list !== 0 && this.#keys[slot] !== key) {
      slot = (slot + 1) & this.#slotMask;
      list = this.#lists[slot]!;
    }
    return list === 0 ? undefined : this.#entries[list - 1];
  }
}

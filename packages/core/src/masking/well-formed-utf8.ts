import { isUtf8 } from 'node:buffer';

/** How many bytes the character that `lead` begins takes; 1 for a byte no character begins with. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/**
 * Where the last character of `bytes` starts when not all of its bytes are there yet (a chunk
 * ended inside it), else `bytes.length`. The bytes before that position can be decoded on
 * their own exactly as they would be as part of the whole input: whatever follows starts with
 * a byte that no decoder reads as the continuation of an earlier character.
 */
export function unfinishedCharacterStart(bytes: Uint8Array): number {
  // A character takes at most 4 bytes, so only one starting in the last 3 can be cut off.
  for (let start = bytes.length - 1; start >= Math.max(0, bytes.length - 3); start--) {
    const byte = bytes[start]!;
    const isContinuation = (byte & 0xc0) === 0x80;
    if (!isContinuation) {
      return bytes.length - start < sequenceLength(byte) ? start : bytes.length;
    }
  }
  return bytes.length;
}

/**
 * The bytes with their first `end` made well-formed UTF-8: each invalid or cut-off sequence
 * becomes U+FFFD, exactly as `Buffer#toString('utf8')` (and a `StringDecoder`) reads it. The
 * bytes from `end` on are kept as they are. Returns the same Buffer when it is valid already
 * (almost always), else a new one and where its well-formed part ends.
 */
export function wellFormedUtf8(bytes: Buffer, end: number): { bytes: Buffer; end: number } {
  if (isUtf8(end === bytes.length ? bytes : bytes.subarray(0, end))) return { bytes, end };
  const repaired = Buffer.from(bytes.toString('utf8', 0, end), 'utf8');
  return {
    bytes: end === bytes.length ? repaired : Buffer.concat([repaired, bytes.subarray(end)]),
    end: repaired.length,
  };
}

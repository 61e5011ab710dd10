import { createHash, randomBytes } from 'node:crypto';

/** The length of an AES-256 key, in bytes. */
export const FILE_KEY_BYTES = 32;

const base64Key = /^[A-Za-z0-9+/]{43}=$/;
const hexKey = /^[0-9a-fA-F]{64}$/;

/** A key decoded from its text form, or why the text is not a key. */
export type FileKeyReading =
  | { key: Buffer; problem?: undefined }
  | { key?: undefined; problem: string };

/**
 * Decodes a key written as base64 (44 characters ending in `=`) or hex (64 characters). The
 * problem text describes the form expected and never quotes the text: it is a credential.
 */
export function readFileKey(text: string): FileKeyReading {
  if (hexKey.test(text)) return { key: Buffer.from(text, 'hex') };
  // Re-encoding catches base64 that Node would decode leniently (stray bits in the last
  // character), so a mistyped key is reported here instead of failing every read later.
  if (base64Key.test(text) && Buffer.from(text, 'base64').toString('base64') === text) {
    return { key: Buffer.from(text, 'base64') };
  }
  return {
    problem: `must be a ${FILE_KEY_BYTES}-byte key written as base64 (44 characters) or hex (64 characters); generate one with \`npx fromsecret-seal --generate-key\``,
  };
}

/**
 * The public id of a key: the first 8 bytes of a SHA-256 of it, in hex. A file lists the ids
 * of the keys it is sealed for, so that a wrong key can be told from a damaged file; an id
 * reveals nothing usable about a random 256-bit key.
 */
export function fileKeyId(key: Buffer): string {
  return createHash('sha256')
    .update('fromsecret-sealed-secrets key id\0')
    .update(key)
    .digest('hex')
    .slice(0, 16);
}

/** A new random key, as base64: what an operator puts in the integration's `key` setting. */
export function generateFileKey(): string {
  return randomBytes(FILE_KEY_BYTES).toString('base64');
}

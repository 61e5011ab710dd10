import { describe, expect, it } from 'vitest';
import { canaryKey } from './__fixtures__/canary-keys';
import { FILE_KEY_BYTES, fileKeyId, generateFileKey, readFileKey } from './file-key';

describe('readFileKey', () => {
  it('reads a base64 key and a hex key of 32 bytes', () => {
    const bytes = Buffer.alloc(FILE_KEY_BYTES, 7);
    expect(readFileKey(bytes.toString('base64')).key).toEqual(bytes);
    expect(readFileKey(bytes.toString('hex')).key).toEqual(bytes);
    expect(readFileKey(bytes.toString('hex').toUpperCase()).key).toEqual(bytes);
  });

  it('reads the canary keys the tests use', () => {
    expect(readFileKey(canaryKey('GOODFILE')).key).toHaveLength(FILE_KEY_BYTES);
  });

  it.each([
    ['too short', Buffer.alloc(16).toString('base64')],
    ['too long', Buffer.alloc(48, 0xff).toString('base64')],
    ['hex of 31 bytes', Buffer.alloc(31).toString('hex')],
    ['base64url', `${'-_'.repeat(21)}A=`],
    ['base64 without padding', Buffer.alloc(32, 1).toString('base64').slice(0, -1)],
    ['base64 with stray bits in its last character', `${'A'.repeat(42)}B=`],
    ['a passphrase', 'correct horse battery staple'],
  ])('rejects %s without quoting it', (_description, text) => {
    const reading = readFileKey(text);
    expect(reading.problem).toContain('32-byte key written as base64 (44 characters) or hex');
    expect(reading.problem).not.toContain(text);
  });
});

describe('fileKeyId', () => {
  it('is stable, 16 hex characters, and differs between keys', () => {
    const key = Buffer.alloc(FILE_KEY_BYTES, 1);
    expect(fileKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(fileKeyId(Buffer.from(key))).toBe(fileKeyId(key));
    expect(fileKeyId(Buffer.alloc(FILE_KEY_BYTES, 2))).not.toBe(fileKeyId(key));
    expect(key.toString('hex')).not.toContain(fileKeyId(key));
  });
});

describe('generateFileKey', () => {
  it('makes a new key that readFileKey accepts', () => {
    const first = generateFileKey();
    expect(readFileKey(first).key).toHaveLength(FILE_KEY_BYTES);
    expect(generateFileKey()).not.toBe(first);
  });
});

import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { escapePointerSegment, isArrayIndex, parsePointer, resolvePointer } from './json-pointer';

describe('JSON pointers (RFC 6901)', () => {
  it('escapes ~ before / so that each round-trips', () => {
    expect(escapePointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(escapePointerSegment('~1')).toBe('~01');
    expect(escapePointerSegment('plain')).toBe('plain');
    for (const segment of ['~01', '/~', '~~//', '', 'x']) {
      expect(parsePointer(`/${escapePointerSegment(segment)}`)).toEqual([segment]);
    }
  });

  it('parses the examples of RFC 6901 §5', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/')).toEqual(['']);
    expect(parsePointer('/foo/0')).toEqual(['foo', '0']);
    expect(parsePointer('/a~1b')).toEqual(['a/b']);
    expect(parsePointer('/m~0n')).toEqual(['m~n']);
  });

  it.each(['foo', '/a~', '/a~2b'])('rejects %j with INVALID_REFERENCE', (pointer) => {
    try {
      parsePointer(pointer);
      expect.unreachable('parsePointer accepted a malformed pointer');
    } catch (error) {
      expect(SecretError.isInstance(error)).toBe(true);
      expect((error as SecretError).code).toBe('INVALID_REFERENCE');
    }
  });

  it('recognises array indexes as RFC 6901 writes them', () => {
    expect(['0', '7', '10'].every(isArrayIndex)).toBe(true);
    expect(['01', '-', '-1', '1.0', '', ' 1'].some(isArrayIndex)).toBe(false);
  });

  it('resolves through own properties only', () => {
    const document = { a: [{ 'b/c': 1 }], __proto__: null } as unknown;
    expect(resolvePointer(document, '/a/0/b~1c')).toBe(1);
    expect(resolvePointer(document, '')).toBe(document);
    expect(resolvePointer(document, '/a/00')).toBeUndefined();
    expect(resolvePointer({ a: [] }, '/a/length')).toBeUndefined();
    expect(resolvePointer({}, '/constructor')).toBeUndefined();
    expect(resolvePointer({ a: 'text' }, '/a/0')).toBeUndefined();
  });
});

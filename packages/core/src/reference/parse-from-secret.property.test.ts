import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { encodeSecretPath } from './encode-secret-path';
import { parseFromSecret } from './parse-from-secret';

const STORE = 'https://store.example/v1/secret/data/';

/** Segments that probe every path rule, mixed with arbitrary text (lone surrogates included). */
const tricky = fc.constantFrom(
  '.',
  '..',
  '',
  '%2e',
  '%2E%2E',
  '\\',
  '?',
  '#',
  ' ',
  '\u0000',
  '\u007f',
  '\u0085',
  '\uD800',
  '\uDC00\uD800',
  'a',
  'crow',
  'sys',
  'policy',
  '..a',
  'é',
  '😀',
  '~',
  ';',
  '+',
  '&',
  '.a.',
);
const segment = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 6 }));
const path = fc.oneof(
  fc.array(segment, { minLength: 1, maxLength: 5 }).map((segments) => segments.join('/')),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const text = fc.oneof(
  fc.constantFrom('k', 'value', '', ' k', 'k\n', '1'),
  fc.string({ maxLength: 6 }),
);
const fieldName = fc.constantFrom(
  'integration',
  'path',
  'key',
  'version',
  'intergration',
  'paht',
  '__proto__',
  'constructor',
  'prototype',
  'from_secret',
);
const fieldValue = fc.oneof(
  path,
  text,
  fc.integer({ min: -3, max: 3 }),
  fc.double(),
  fc.constantFrom(null, undefined, true, 2 ** 53, [], {}),
);
/** Object forms built with defineProperty, so that `__proto__` is an own key, as JSON.parse makes it. */
const objectForm = fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 6 }).map((entries) => {
  const form: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    Object.defineProperty(form, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return form;
});
const anyValue = fc.anything({
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  key: fc.oneof(fc.string(), fieldName),
});

function parseOrInvalid(value: unknown): ReturnType<typeof parseFromSecret> | SecretError {
  try {
    return parseFromSecret(value);
  } catch (error) {
    expect(SecretError.isInstance(error)).toBe(true);
    expect((error as SecretError).code).toBe('INVALID_REFERENCE');
    expect((error as SecretError).issues?.length).toBeGreaterThan(0);
    return error as SecretError;
  }
}

describe('parseFromSecret (properties)', () => {
  it('either returns a reference or throws INVALID_REFERENCE, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, objectForm, path, text), (value) => {
        parseOrInvalid(value);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts only paths that stay inside the secret once encoded into a URL', () => {
    fc.assert(
      fc.property(path, (candidate) => {
        const result = parseOrInvalid({ integration: 1, path: candidate, key: 'k' });
        if (SecretError.isInstance(result)) return;
        const encoded = encodeSecretPath(candidate);
        const url = new URL(encoded, STORE);
        expect(url.origin + url.pathname).toBe(STORE + encoded);
        expect(url.search + url.hash).toBe('');
        expect(encoded.split('/').map(decodeURIComponent)).toEqual(candidate.split('/'));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps exactly the fields it was given, with no own undefined version', () => {
    fc.assert(
      fc.property(objectForm, (value) => {
        const result = parseOrInvalid(value);
        if (SecretError.isInstance(result)) return;
        expect(result.kind).toBe('external');
        expect(Object.hasOwn(result, 'version')).toBe(Object.hasOwn(value, 'version'));
        for (const field of ['integration', 'path', 'key', 'version'] as const) {
          expect((result as unknown as Record<string, unknown>)[field]).toBe(value[field]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never puts a value in a message', () => {
    const canary = fc.string({ maxLength: 4 }).map((suffix) => `CANARY-${suffix}/../x `);
    fc.assert(
      fc.property(
        canary,
        fc.constantFrom('name', 'path', 'key', 'version', 'integration'),
        (value, field) => {
          const input =
            field === 'name' ? value : { integration: 1, path: 'a', key: 'k', [field]: value };
          const result = parseOrInvalid(input);
          expect(SecretError.isInstance(result)).toBe(true);
          expect(JSON.stringify((result as SecretError).toJSON())).not.toContain('CANARY');
        },
      ),
    );
  });

  it('pollutes no prototype, whatever the keys', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(objectForm, (value) => void parseOrInvalid(value)),
      { numRuns: 300 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { createMasker } from './create-masker';
import { MASK } from './masked-output';

const secret = 'CANARY-MASK-7f3a+/?&"é';
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('createMasker', () => {
  it('masks every occurrence of each value', () => {
    const masker = createMasker([secret, 'CANARY-OTHER-11']);
    expect(masker.mask(`a=${secret} b=CANARY-OTHER-11 c=${secret}`)).toBe(
      `a=${MASK} b=${MASK} c=${MASK}`,
    );
  });

  it('returns text without any value unchanged', () => {
    const text = 'plain build output\nwith lines, CANARY-MASK-7f3 and base64 Q0FOQVJZ\n';
    expect(createMasker([secret]).mask(text)).toBe(text);
    expect(createMasker([]).mask(text)).toBe(text);
    expect(createMasker([]).mask('')).toBe('');
  });

  it('masks a value that contains or overlaps another whole', () => {
    const masker = createMasker(['CANARY-INNER', 'outer-CANARY-INNER-outer', 'INNER-tail-9']);
    expect(masker.mask('[outer-CANARY-INNER-outer]')).toBe(`[${MASK}]`);
    expect(masker.mask('[CANARY-INNER-tail-9]')).toBe(`[${MASK}]`);
    expect(masker.mask('[CANARY-INNER]')).toBe(`[${MASK}]`);
  });

  it('treats regular-expression characters in values as plain text', () => {
    const masker = createMasker(['a.b*c+d', '(x|y)$', '[^]\\d{2}']);
    expect(masker.mask('aXbbcdd a.b*c+d (x|y)$ [^]\\d{2} xy')).toBe(
      `aXbbcdd ${MASK} ${MASK} ${MASK} xy`,
    );
  });

  it('masks a multi-line value whole, and each of its lines alone', () => {
    const key = '-----BEGIN KEY-----\nCANARYLINEONE\nok\nCANARYLINETWO\n-----END KEY-----';
    const masker = createMasker([key]);
    expect(masker.mask(`key:\n${key}\n`)).toBe(`key:\n${MASK}\n`);
    expect(masker.mask('> CANARYLINETWO\n> CANARYLINEONE')).toBe(`> ${MASK}\n> ${MASK}`);
    expect(masker.mask('ok')).toBe('ok');
    expect(masker.mask(key.replaceAll('\n', '\r\n'))).not.toContain('CANARYLINE');
  });

  it('masks the base64, URL-encoded and JSON-escaped forms of values and lines', () => {
    const masker = createMasker([secret, 'first-line\nCANARY-LINE-2']);
    const url = Buffer.from(secret).toString('base64url');
    const forms = [
      base64(secret),
      base64(secret).replace(/=+$/, ''),
      url,
      `${url}=`,
      encodeURIComponent(secret),
      new URLSearchParams({ secret }).toString().slice('secret='.length),
      JSON.stringify(secret).slice(1, -1),
      base64('CANARY-LINE-2'),
      JSON.stringify('first-line\nCANARY-LINE-2').slice(1, -1),
    ];
    for (const form of forms) expect(masker.mask(`<${form}>`)).toBe(`<${MASK}>`);
    expect(masker.mask(JSON.stringify({ password: secret }))).toBe(`{"password":"${MASK}"}`);
  });

  it('masks a value inside a longer base64 text, such as a Basic authorization header', () => {
    const masker = createMasker([secret]);
    for (const user of ['u', 'us', 'use']) {
      const header = `Authorization: Basic ${base64(`${user}:${secret}`)}`;
      const masked = masker.mask(header);
      expect(masked).toContain(MASK);
      expect(Buffer.from(masked.split(' ').at(-1)!, 'base64').toString()).not.toContain('7f3a');
    }
  });

  it('counts values shorter than the minimum and does not mask them', () => {
    const masker = createMasker(['abc', 'xy', 'abc', '', 'CANARY-LONG']);
    expect(masker.tooShort).toBe(2);
    expect(masker.valueCount).toBe(1);
    expect(masker.mask('abc xy CANARY-LONG')).toBe(`abc xy ${MASK}`);
    const strict = createMasker(['abc', 'CANARY-LONG'], { minLength: 12 });
    expect(strict.tooShort).toBe(2);
    expect(strict.mask('abc CANARY-LONG')).toBe('abc CANARY-LONG');
    expect(createMasker(['abc'], { minLength: 3 }).mask('abc')).toBe(MASK);
  });

  it('exposes counts but no value, in its properties or when inspected', () => {
    const masker = createMasker([secret]);
    expect(masker.patternCount).toBeGreaterThan(5);
    expect(Object.isFrozen(masker)).toBe(true);
    expect(inspect(masker, { depth: 5, showHidden: true })).not.toContain('CANARY');
    expect(JSON.stringify(masker)).not.toContain('CANARY');
    const stream = masker.stream();
    stream.write('held CANARY-MA');
    expect(inspect(stream, { depth: 2 })).not.toContain('CANARY-MA');
    stream.destroy();
  });

  it('rejects input that is not an array of strings, or a bad minimum, naming no value', () => {
    const values = ['CANARY-GOOD-1', 42, null] as unknown as string[];
    const error = (() => {
      try {
        createMasker(values, { minLength: 0 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(SecretError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_CONFIG' });
    const { issues, message } = error as SecretError;
    expect(issues).toEqual([
      'values[1] must be a string, got number',
      'values[2] must be a string, got null',
      'minLength must be an integer of at least 1, got 0',
    ]);
    expect(message).toContain('minLength');
    expect(JSON.stringify((error as SecretError).toJSON())).not.toContain('CANARY');
    expect(() => createMasker('CANARY-NOT-AN-ARRAY' as unknown as string[])).toThrow(
      /values must be an array of strings, got string/,
    );
    expect(() => createMasker([], { minLength: 2.5 })).toThrow(SecretError);
  });
});

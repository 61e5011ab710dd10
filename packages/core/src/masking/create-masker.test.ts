import { once } from 'node:events';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { createMasker, type Masker } from './create-masker';
import { MASK } from './masked-output';

const secret = 'CANARY-MASK-7f3a+/?&"é';

async function streamBytes(masker: Masker, bytes: Buffer, cuts: number[]): Promise<string> {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const stream = masker.stream();
  const output: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => output.push(chunk));
  let start = 0;
  for (const end of [...points, bytes.length]) {
    stream.write(bytes.subarray(start, end));
    start = end;
  }
  stream.end();
  await once(stream, 'end');
  return Buffer.concat(output).toString('utf8');
}

/** A value as a log may show it: plain, base64, URL-encoded, JSON-escaped, or one line. */
function spelling(value: string, form: number): string {
  const spellings = [
    value,
    Buffer.from(value).toString('base64'),
    Buffer.from(`u:${value}`).toString('base64url'),
    encodeURIComponent(value),
    JSON.stringify(value),
    value.split('\n')[0] ?? value,
  ];
  return spellings[form % spellings.length]!;
}
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

  it('streams exactly mask() of the whole text, for any values, text and byte cuts, and leaves no value visible', async () => {
    const unit = fc.constantFrom('a', 'b', 'é', '😀', '\n', ' ', '+', '/', '"', '%');
    const values = fc.array(fc.string({ unit, minLength: 1, maxLength: 9 }), {
      minLength: 1,
      maxLength: 4,
    });
    const scenario = values.chain((chosen) =>
      fc.record({
        values: fc.constant(chosen),
        parts: fc.array(
          fc.oneof(
            fc
              .tuple(fc.constantFrom(...chosen), fc.nat(5))
              .map(([value, form]) => spelling(value, form)),
            fc.string({ unit, maxLength: 5 }),
          ),
          { maxLength: 10 },
        ),
        cuts: fc.array(fc.nat(), { maxLength: 6 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ values, parts, cuts }) => {
        const masker = createMasker(values, { minLength: 3 });
        const text = parts.join('');
        const masked = masker.mask(text);
        for (const value of values) if (value.length >= 3) expect(masked).not.toContain(value);
        expect(await streamBytes(masker, Buffer.from(text, 'utf8'), cuts)).toBe(masked);
      }),
      { numRuns: 200 },
    );
  });
});

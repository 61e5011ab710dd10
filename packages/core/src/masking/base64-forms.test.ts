import { describe, expect, it } from 'vitest';
import { base64Forms } from './base64-forms';

const secret = 'CANARY-base64-7f3a?>~!';
const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const urlSafe = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('base64Forms', () => {
  it('includes the standard and URL-safe encodings with and without padding', () => {
    const forms = base64Forms(secret);
    expect(encode(secret)).toMatch(/[+/]/);
    expect(encode(secret)).toMatch(/=$/);
    expect(forms).toContain(encode(secret));
    expect(forms).toContain(encode(secret).replace(/=+$/, ''));
    expect(forms).toContain(urlSafe(secret));
    expect(forms).toContain(`${urlSafe(secret)}==`);
  });

  it('finds the value inside a longer base64 text at each of the three byte alignments', () => {
    const forms = base64Forms(secret);
    for (const before of ['', 'u:', 'us:', 'user:']) {
      for (const after of ['', '!', '@host']) {
        const standard = encode(`${before}${secret}${after}`);
        const safe = Buffer.from(`${before}${secret}${after}`).toString('base64url');
        expect(forms.some((form) => standard.includes(form))).toBe(true);
        expect(forms.some((form) => safe.includes(form))).toBe(true);
      }
    }
  });

  it('keeps only embedded cores at least as long as the text itself', () => {
    // 'a' is one byte: shifted by one byte, no base64 character depends on it alone.
    expect(base64Forms('a')).toEqual(['YQ==', 'YQ', 'Y', 'h', 'YQ==', 'YQ', 'Y', 'h']);
    for (const text of ['abcd', 'CANARY-7f3a', 'multi-byte é and 😀 characters']) {
      for (const form of base64Forms(text)) expect(form.length).toBeGreaterThanOrEqual(text.length);
    }
  });

  it('encodes the UTF-8 bytes of the text', () => {
    expect(base64Forms('pässwörd😀')).toContain(encode('pässwörd😀'));
  });
});

import { describe, expect, it } from 'vitest';
import { encodedForms } from './encoded-forms';

describe('encodedForms', () => {
  it('starts with the text itself', () => {
    expect(encodedForms('CANARY plain')[0]).toBe('CANARY plain');
  });

  it('includes both URL encodings', () => {
    const secret = "p@ss w/rd+!'()~ é";
    const forms = encodedForms(secret);
    expect(forms).toContain(encodeURIComponent(secret));
    expect(forms).toContain(new URLSearchParams({ secret }).toString().slice('secret='.length));
    expect(forms).toContain('p%40ss+w%2Frd%2B%21%27%28%29%7E+%C3%A9');
  });

  it('includes the text as it stands inside a JSON string', () => {
    const secret = 'line one\nline "two"\t\\ end\u0001';
    expect(encodedForms(secret)).toContain(JSON.stringify(secret).slice(1, -1));
    expect(encodedForms(secret)).toContain('line one\\nline \\"two\\"\\t\\\\ end\\u0001');
  });

  it('includes the base64 forms', () => {
    expect(encodedForms('CANARY-7f3a')).toContain(Buffer.from('CANARY-7f3a').toString('base64'));
  });

  it('leaves out URL forms of a text with a lone surrogate, which cannot be URL-encoded', () => {
    const forms = encodedForms('CANARY\uD800x');
    expect(forms).toContain('CANARY\uD800x');
    expect(forms).toContain('CANARY\\ud800x');
    expect(forms.some((form) => form.includes('%'))).toBe(false);
  });
});

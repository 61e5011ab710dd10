import { base64Forms } from './base64-forms';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The URL-encoded spellings of a text: `encodeURIComponent` (paths, query values built by
 * hand) and `application/x-www-form-urlencoded` (`URLSearchParams`, HTML forms, `curl
 * --data-urlencode`), which also escapes `!'()~` and writes a space as `+`.
 */
function urlEncodedForms(text: string): string[] {
  // A lone surrogate has no UTF-8 form, so no program can URL-encode it (encodeURIComponent
  // throws): such a text has no URL-encoded spelling to look for.
  if (loneSurrogate.test(text)) return [];
  const formEncoded = new URLSearchParams([['', text]]).toString().slice(1);
  return [encodeURIComponent(text), formEncoded];
}

/** The text as it stands between the quotes of a JSON string. */
function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * A text and every encoded spelling of it the masker looks for: URL-encoded, JSON-escaped
 * and base64 (see {@link base64Forms}). Spellings may repeat; the caller removes duplicates.
 */
export function encodedForms(text: string): string[] {
  return [text, ...urlEncodedForms(text), jsonEscaped(text), ...base64Forms(text)];
}

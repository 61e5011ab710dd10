/** A value a store must give back byte for byte. */
export interface ExactValueSample {
  /** Used in the path (`conformance-<name>`) and, on multi-key stores, as the key. */
  name: string;
  /** What the value tests, for the test name. */
  description: string;
  value: string;
}

const largeLength = 64 * 1024;

// Printable, varied and not periodic on a short cycle, so a dropped or doubled chunk shows.
function largeValue(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/';
  let text = '';
  for (let index = 0; text.length < largeLength; index++) {
    text += alphabet[(index * 7 + Math.floor(index / 64)) % alphabet.length];
  }
  return text;
}

/** The values every store must return exactly: none trimmed, normalised or re-encoded. */
export const exactValueSamples: readonly ExactValueSample[] = Object.freeze([
  {
    name: 'unicode',
    description: 'unicode text, composed and decomposed',
    value: 'Grüße – 日本語 – Ελληνικά – العربية – café (NFD: cafe\u0301)',
  },
  { name: 'emoji', description: 'emoji with joiners and flags', value: '🔐 key 👩‍💻 🇳🇱 ✅' },
  {
    name: 'multiline',
    description: 'a multi-line value with LF and CRLF',
    value:
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\r\nkqhkiG9w0BAQEF\n-----END PRIVATE KEY-----\n',
  },
  {
    name: 'whitespace',
    description: 'leading and trailing whitespace',
    value: '  leading and trailing whitespace \t ',
  },
  {
    name: 'special',
    description: 'quotes, backslashes and shell, URL and HTML syntax',
    value: `"quoted" 'single' \\back\\slash $HOME \${VAR} \`tick\` %41 &amp; <tag>`,
  },
  { name: 'large', description: 'a 64 KiB value', value: largeValue() },
]);

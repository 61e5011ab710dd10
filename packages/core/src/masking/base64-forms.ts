const BITS_PER_BYTE = 8;
const BITS_PER_CHARACTER = 6;

/** The URL-safe alphabet (RFC 4648 §5) differs from the standard one in two characters. */
function toUrlSafe(standard: string): string {
  return standard.replaceAll('+', '-').replaceAll('/', '_');
}

/**
 * The characters of the base64 text of `bytes` preceded by `shift` other bytes that depend on
 * `bytes` alone: neither on the bytes before (the shift) nor on whatever follows.
 */
function embeddedCore(bytes: Buffer, shift: number): string {
  const shifted = Buffer.concat([Buffer.alloc(shift), bytes]);
  const encoded = shifted.toString('base64');
  const firstBit = shift * BITS_PER_BYTE;
  const endBit = (shift + bytes.length) * BITS_PER_BYTE;
  const first = Math.ceil(firstBit / BITS_PER_CHARACTER);
  const end = Math.floor(endBit / BITS_PER_CHARACTER);
  return encoded.slice(first, end);
}

/**
 * Every base64 spelling of a text's UTF-8 bytes that a log can show:
 *
 * - the text encoded on its own, standard and URL-safe alphabets, with and without padding;
 * - the text encoded inside a longer byte string (`user:password` in a Basic authorization
 *   header): base64 works in groups of three bytes, so the text starts at one of three
 *   alignments, and only the characters that depend on its bytes alone are stable. Those
 *   cores are returned when they are at least as long as the text itself, so that they are
 *   no likelier to occur by chance than the text (a short text's cores are too short).
 */
export function base64Forms(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const padded = bytes.toString('base64');
  const forms = [padded, padded.replace(/=+$/, '')];
  for (let shift = 0; shift < 3; shift++) {
    const core = embeddedCore(bytes, shift);
    if (core.length >= text.length) forms.push(core);
  }
  return [...forms, ...forms.map(toUrlSafe)];
}

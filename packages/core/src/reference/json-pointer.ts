import { SecretError } from '../errors/secret-error';

const NEEDS_ESCAPE = /[~/]/;
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
const SLASH = 47;

/** One reference token of a JSON pointer (RFC 6901): `~` becomes `~0`, `/` becomes `~1`. */
export function escapePointerSegment(segment: string): string {
  return NEEDS_ESCAPE.test(segment) ? segment.replaceAll('~', '~0').replaceAll('/', '~1') : segment;
}

/**
 * The reference tokens of a JSON pointer (RFC 6901), unescaped. `''` (the whole document)
 * has none. With `offset` (the index of one of its `/`), only the tokens after it, for a
 * caller that already holds the ones before.
 *
 * @throws SecretError `INVALID_REFERENCE` when the pointer does not start with `/` or holds a
 *   `~` that is not `~0` or `~1`.
 */
export function parsePointer(pointer: string, offset = 0): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    throw pointerError(
      pointer,
      'a JSON pointer starts with "/", e.g. /steps/0/environment/API_KEY',
    );
  }
  const tail = pointer.slice(offset + 1);
  const segments = tail.split('/');
  if (!tail.includes('~')) return segments;
  return segments.map((segment) => unescapePointerSegment(segment, pointer));
}

/**
 * One reference token as written in `pointer`, unescaped (`~1` is `/`, `~0` is `~`).
 *
 * @throws SecretError `INVALID_REFERENCE` for a `~` that is not `~0` or `~1`.
 */
export function unescapePointerSegment(segment: string, pointer: string): string {
  if (!segment.includes('~')) return segment;
  if (/~(?![01])/.test(segment)) {
    throw pointerError(pointer, 'in a JSON pointer "~" is written "~0" and "/" is written "~1"');
  }
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * How many leading reference tokens two pointers share, each followed by `/` in both, by
 * comparing their text: no parsing, no allocation. Escaping is one-to-one, so equal text
 * means equal tokens.
 */
export function sharedSegmentCount(previous: string, next: string): number {
  const length = Math.min(previous.length, next.length);
  let count = 0;
  for (let index = 1; index < length; index++) {
    const character = next.charCodeAt(index);
    if (character !== previous.charCodeAt(index)) break;
    if (character === SLASH) count++;
  }
  return count;
}

/** The index of the `/` that follows the first `count` reference tokens of `pointer`. */
export function segmentOffset(pointer: string, count: number): number {
  let offset = 0;
  for (let index = 0; index < count; index++) offset = pointer.indexOf('/', offset + 1);
  return offset;
}

/** True when `segment` is an array index as RFC 6901 writes it (`0`, `12`; never `01`). */
export function isArrayIndex(segment: string): boolean {
  return ARRAY_INDEX.test(segment);
}

function pointerError(pointer: string, fix: string): SecretError {
  const shown =
    pointer.length > 200 ? `${JSON.stringify(pointer.slice(0, 200))}…` : JSON.stringify(pointer);
  return new SecretError({
    code: 'INVALID_REFERENCE',
    message: `The reference pointer ${shown} is not a valid JSON pointer: ${fix}`,
  });
}

/**
 * The value `pointer` leads to in `document`, reading own properties only; `undefined` when
 * nothing stands there (the caller decides whether that is an error).
 */
export function resolvePointer(document: unknown, pointer: string): unknown {
  let current = document;
  for (const segment of parsePointer(pointer)) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (Array.isArray(current) && !isArrayIndex(segment)) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

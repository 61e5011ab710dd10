/**
 * How the reference walk treats a value. Only plain objects and arrays are walked: they are
 * what JSON and YAML parsers produce. A `Map` or `Set` could hide a reference the walk cannot
 * see, so it is reported rather than passed over; any other object (a `Date` from a YAML
 * timestamp, a `Uint8Array` from `!!binary`) cannot hold a reference and is left as it is.
 */
export type ValueKind = 'primitive' | 'plain-object' | 'array' | 'map-or-set' | 'other-object';

/** The {@link ValueKind} of `value`, without reading any of its properties. */
export function classifyValue(value: unknown): ValueKind {
  if (typeof value !== 'object' || value === null) return 'primitive';
  if (Array.isArray(value)) return 'array';
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return 'plain-object';
  if (value instanceof Map || value instanceof Set) return 'map-or-set';
  return 'other-object';
}

/** True for an object a JSON or YAML parser would produce as a map. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return classifyValue(value) === 'plain-object';
}

/**
 * A short description of a value's type for messages ("a number", "a list", "a Map"). It
 * never quotes the value: a misplaced secret must not end up in an error message.
 */
export function describeValueType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'bigint':
      return 'a big integer';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return describeObjectType(value as object);
  }
}

function describeObjectType(value: object): string {
  if (value instanceof Map) return 'a Map';
  if (value instanceof Set) return 'a Set';
  if (isPlainObject(value)) return 'a map';
  return 'an object that is not a plain map';
}

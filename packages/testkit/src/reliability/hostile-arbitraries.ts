import fc from 'fast-check';

/** Keys that probe prototype handling, pointer escaping and the walk's own vocabulary. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__defineGetter__',
    'from_secret',
    'steps',
    'services',
    'environment',
    'settings',
    'name',
    '~1',
    'a/b',
    '',
    '0',
  ),
  fc.string({ maxLength: 6, unit: 'binary' }),
);

/** A map built with defineProperty, so that `__proto__` is an own key, as JSON.parse makes it. */
export function mapOf<T>(
  key: fc.Arbitrary<string>,
  value: fc.Arbitrary<T>,
  maxKeys = 4,
): fc.Arbitrary<Record<string, T>> {
  return fc
    .tuple(fc.array(fc.tuple(key, value), { maxLength: maxKeys }), fc.boolean())
    .map(([entries, bare]) => {
      const map: Record<string, T> = bare ? Object.create(null) : {};
      for (const [name, item] of entries) {
        Object.defineProperty(map, name, {
          value: item,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return map;
    });
}

/**
 * `from_secret` values: mostly good ones for the test store and integration (so that many
 * pipelines resolve), and broken ones of every kind.
 */
export function fromSecretValue(integration: string): fc.Arbitrary<unknown> {
  const text = fc.oneof(hostileKey, fc.constantFrom('app', 'k', 'token', 'crow/../x', '%2e%2e'));
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('token', { integration, path: 'app', key: 'k' }) },
    {
      weight: 2,
      arbitrary: fc.record({
        integration: fc.constant(integration),
        path: fc.constant('app'),
        key: fc.constantFrom('k', '__proto__'),
        version: fc.nat(4),
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'missing') },
    {
      weight: 1,
      arbitrary: fc.record(
        {
          integration: fc.oneof(fc.constant(integration), fc.constant(1), hostileKey),
          path: text,
          key: text,
          version: fc.oneof(fc.nat(3), hostileKey),
        },
        { requiredKeys: ['integration', 'path', 'key'] },
      ),
    },
    { weight: 1, arbitrary: mapOf(hostileKey, fc.oneof(text, fc.integer())) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}

/** Mostly ordinary names, sometimes a hostile one. */
const sectionKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('API_KEY', 'TOKEN', 'password', 'url') },
  { weight: 1, arbitrary: hostileKey },
);

/** Pipelines of any shape, with references and hostile keys at any place. */
export function hostilePipeline(integration: string): fc.Arbitrary<unknown> {
  const { pipeline } = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null)),
    reference: mapOf(fc.constant('from_secret'), fromSecretValue(integration), 1),
    value: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('reference'), tie('map'), tie('list')),
    map: mapOf(sectionKey, tie('value')),
    list: fc.array(tie('value'), { maxLength: 4 }),
    section: mapOf(sectionKey, tie('value')),
    step: fc.oneof(
      { weight: 4, arbitrary: mapOf(fc.constantFrom('environment', 'settings'), tie('section')) },
      { weight: 1, arbitrary: mapOf(fc.constantFrom('name', 'image'), tie('value')) },
      { weight: 1, arbitrary: tie('value') },
    ),
    group: fc.oneof(fc.array(tie('step'), { maxLength: 3 }), mapOf(sectionKey, tie('step'), 3)),
    pipeline: fc.oneof(
      {
        weight: 6,
        arbitrary: mapOf(
          fc.constantFrom('steps', 'services', '__proto__', 'constructor'),
          tie('group'),
          3,
        ),
      },
      { weight: 1, arbitrary: tie('value') },
    ),
  }));
  return pipeline;
}

/** Freezes `value` and everything in it, so that any write to the input throws. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    for (const key of Reflect.ownKeys(item)) {
      stack.push((item as Record<string | symbol, unknown>)[key]);
    }
    Object.freeze(item);
  }
  return value;
}

/** Every own property name of the built-in prototypes, to detect pollution. */
export function prototypeSnapshot(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].flatMap(
    (prototype) => Reflect.ownKeys(prototype).map(String),
  );
}

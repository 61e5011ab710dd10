import fc from 'fast-check';

/** Keys that probe pointer escaping and prototype handling. */
const safeKey = fc.oneof(
  fc.constantFrom(
    'A',
    'API_KEY',
    'a/b',
    '~0',
    'x~1/~',
    '__proto__',
    'constructor',
    'prototype',
    '',
  ),
  fc.string({ maxLength: 5 }).filter((text) => !/^from.?secrets?$/i.test(text)),
);
/** ...and keys that make a map a (possibly malformed) reference. */
const anyKey = fc.oneof(
  safeKey,
  fc.constantFrom('from_secret', 'fromSecret', 'name', 'integration'),
);

const validFromSecret = fc.oneof(
  fc.constantFrom('my_token', 'deploy key'),
  fc.record(
    {
      integration: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom('vault-prod', '1')),
      path: fc.constantFrom('crow/app', 'a b/c', '..a/b'),
      key: fc.constantFrom('k', 'value'),
      version: fc.oneof(fc.nat(3), fc.constant('v1')),
    },
    { requiredKeys: ['integration', 'path', 'key'] },
  ),
);
const anyFromSecret = fc.oneof(
  validFromSecret,
  fc.constantFrom('', ' x', null, 3),
  fc.record(
    {
      integration: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constantFrom('vault-prod', '')),
      path: fc.constantFrom('crow/app', 'crow/../../sys/policy', '%2e%2e/x', '/a', 'a//b'),
      key: fc.constantFrom('k', '', ' k'),
      version: fc.oneof(fc.nat(3), fc.constantFrom('', -1)),
      intergration: fc.constant(1),
    },
    { requiredKeys: [] },
  ),
);

/** A map built with defineProperty, so that `__proto__` is an own key, as JSON.parse makes it. */
function mapOf<T>(
  key: fc.Arbitrary<string>,
  value: fc.Arbitrary<T>,
  maxKeys = 3,
): fc.Arbitrary<Record<string, T>> {
  return fc.array(fc.tuple(key, value), { maxLength: maxKeys }).map((entries) => {
    const map: Record<string, T> = {};
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

/** Pipelines whose references come from `fromSecret`, with keys from `key`. */
function pipelineOf(fromSecret: fc.Arbitrary<unknown>, key: fc.Arbitrary<string>, valid: boolean) {
  const malformed = fc
    .tuple(fromSecret, key)
    .map(([inner, other]) => ({ from_secret: inner, [other]: 1 }));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null)),
      { weight: valid ? 3 : 1, arbitrary: fromSecret.map((inner) => ({ from_secret: inner })) },
      valid ? fromSecret.map((inner) => ({ from_secret: inner })) : malformed,
      fc.array(tie('value'), { maxLength: 3 }),
      mapOf(key, tie('value')),
    ),
  }));
  const step = fc.record(
    {
      name: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
      environment: valid ? mapOf(key, value, 4) : fc.oneof(mapOf(key, value, 4), value),
      settings: valid ? mapOf(key, value, 4) : fc.oneof(mapOf(key, value, 4), value),
      image: fc.string({ maxLength: 4 }),
    },
    { requiredKeys: valid ? ['environment', 'settings'] : [] },
  );
  const group = fc.oneof(
    fc.array(step, { maxLength: 3 }),
    mapOf(key, step),
    valid ? fc.constant([]) : fc.jsonValue({ maxDepth: 1 }),
  );
  return fc.record({ steps: group, services: group }, { requiredKeys: [] });
}

/** Valid pipelines, pipelines with malformed references, and any JSON. */
export const pipelineArbitrary = fc.oneof(
  { weight: 3, arbitrary: pipelineOf(validFromSecret, safeKey, true) },
  { weight: 3, arbitrary: pipelineOf(anyFromSecret, anyKey, false) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { findReferences } from './find-references';
import { escapePointerSegment, parsePointer, resolvePointer } from './json-pointer';
import { parseFromSecret } from './parse-from-secret';
import type { LocatedReference } from './secret-reference';
import { substituteReferences } from './substitute-references';

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

const pipeline = fc.oneof(
  { weight: 3, arbitrary: pipelineOf(validFromSecret, safeKey, true) },
  { weight: 3, arbitrary: pipelineOf(anyFromSecret, anyKey, false) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function findOrFail(input: unknown): LocatedReference[] | SecretError {
  try {
    return findReferences(input);
  } catch (error) {
    expect(SecretError.isInstance(error)).toBe(true);
    const failure = error as SecretError;
    expect(failure.code).toBe('RESOLUTION_FAILED');
    expect(failure.errors?.length).toBeGreaterThan(0);
    for (const inner of failure.errors ?? []) expect(inner.code).toBe('INVALID_REFERENCE');
    return failure;
  }
}

function isReferenceMap(found: unknown): found is { from_secret: unknown } {
  if (typeof found !== 'object' || found === null || Array.isArray(found)) return false;
  return Object.keys(found).length === 1 && Object.hasOwn(found, 'from_secret');
}

/** The pointer's first four segments are group, step, section and the variable's name. */
function expectPointerMatchesLocation(location: LocatedReference['location']): void {
  const [group, , section, name] = parsePointer(location.pointer);
  expect([group, section, name]).toEqual([location.group, location.section, location.name]);
  expect(location.pointer.startsWith(`/${group}/`)).toBe(true);
  expect(location.pointer).toContain(`/${section}/${escapePointerSegment(location.name)}`);
}

describe('findReferences and substituteReferences (properties)', () => {
  it('any input either yields references or one RESOLUTION_FAILED of INVALID_REFERENCE errors', () => {
    const anyInput = fc.oneof(
      pipeline,
      fc.anything({ withMap: true, withSet: true, withNullPrototype: true }),
    );
    fc.assert(
      fc.property(anyInput, (input) => void findOrFail(input)),
      { numRuns: 300 },
    );
  });

  it('every pointer, found or reported, points into the input at the reference', () => {
    fc.assert(
      fc.property(pipeline, (input) => {
        const before = JSON.stringify(input);
        const result = findOrFail(input);
        expect(JSON.stringify(input)).toBe(before);
        if (SecretError.isInstance(result)) {
          for (const inner of result.errors ?? []) {
            if (inner.location === undefined) continue;
            expectPointerMatchesLocation(inner.location);
            expect(resolvePointer(input, inner.location.pointer)).not.toBeUndefined();
          }
          return;
        }
        for (const { reference, location } of result) {
          const target = resolvePointer(input, location.pointer);
          expect(isReferenceMap(target)).toBe(true);
          expect(parseFromSecret((target as { from_secret: unknown }).from_secret)).toEqual(
            reference,
          );
          expectPointerMatchesLocation(location);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('substitution replaces exactly the references, leaves the input alone and pollutes nothing', () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(pipeline, (input) => {
        const result = findOrFail(input);
        if (SecretError.isInstance(result)) return;
        const before = JSON.stringify(input);
        const replacements = result.map(({ location }, index) => ({
          pointer: location.pointer,
          value: `value-${index}`,
        }));
        const output = substituteReferences(input, replacements);
        expect(JSON.stringify(input)).toBe(before);
        const expected = JSON.parse(before);
        for (const { pointer, value: text } of replacements) {
          const segments = parsePointer(pointer);
          const parent = resolvePointer(
            expected,
            `/${segments.slice(0, -1).map(escapePointerSegment).join('/')}`,
          );
          Object.defineProperty(parent, segments.at(-1)!, {
            value: text,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        expect(JSON.stringify(output)).toBe(JSON.stringify(expected));
        for (const { pointer, value: text } of replacements)
          expect(resolvePointer(output, pointer)).toBe(text);
        expect(findReferences(output)).toEqual([]);
      }),
      { numRuns: 400 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).from_secret).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { pipelineArbitrary as pipeline } from './__fixtures__/pipeline-arbitraries';
import { findReferences } from './find-references';
import { escapePointerSegment, parsePointer, resolvePointer } from './json-pointer';
import { parseFromSecret } from './parse-from-secret';
import type { LocatedReference } from './secret-reference';
import { substituteReferences } from './substitute-references';

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

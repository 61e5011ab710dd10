import {
  findReferences,
  parseFromSecret,
  SecretError,
  type SecretResolver,
} from '@fromsecret/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MemoryResolver, startMemoryResolver } from './__fixtures__/memory-resolver';
import { deepFreeze, hostilePipeline, prototypeSnapshot } from './hostile-arbitraries';

const ACCESS = { org: 'acme' };
const PROTO_KEY_VALUE = 'CANARY-HOSTILE-VALUE-PROTO-9b2c';
// JSON.parse makes `__proto__` an own key, as a store's JSON answer would.
const STORE_VALUES = JSON.parse(
  `{"k":"CANARY-HOSTILE-VALUE-K-41d0","__proto__":"${PROTO_KEY_VALUE}"}`,
) as Record<string, string>;
let resolver: SecretResolver;
let fixture: MemoryResolver;

beforeAll(() => {
  fixture = startMemoryResolver({
    store: 'reliability-hostile',
    token: 'CANARY-HOSTILE-TOKEN-0c5e',
    secrets: [{ path: 'app', versions: [STORE_VALUES, STORE_VALUES, STORE_VALUES] }],
    internalValue: 'CANARY-HOSTILE-INTERNAL-77aa',
  });
  ({ resolver } = fixture);
});
afterAll(() => fixture.close());

/** Runs `action`; anything thrown must be a SecretError with one of `codes`. */
async function onlySecretErrors(action: () => unknown, codes: readonly string[]): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!SecretError.isInstance(error)) throw error;
    expect(codes).toContain(error.code);
  }
}

describe('hostile pipelines through the whole resolver', () => {
  it('any pipeline resolves or fails with RESOLUTION_FAILED, never writes to the input and pollutes nothing', async () => {
    const before = prototypeSnapshot();
    const outcomes = { resolvedWithReads: 0, failed: 0 };
    await fc.assert(
      fc.asyncProperty(hostilePipeline('mem'), async (pipeline) => {
        deepFreeze(pipeline);
        await onlySecretErrors(async () => {
          outcomes.failed += 1;
          const result = await resolver.resolvePipeline(pipeline, ACCESS);
          outcomes.failed -= 1;
          if (result.records.length > 0) outcomes.resolvedWithReads += 1;
          // Every reference was replaced: none is left to find in the result.
          expect(findReferences(result.pipeline)).toEqual([]);
        }, ['RESOLUTION_FAILED']);
        expect(prototypeSnapshot()).toEqual(before);
        expect(({} as Record<string, unknown>).k).toBeUndefined();
      }),
      { numRuns: 400 },
    );
    // The generator reaches both outcomes, so the property is not vacuous.
    expect(outcomes.resolvedWithReads).toBeGreaterThan(5);
    expect(outcomes.failed).toBeGreaterThan(5);
  });

  it('reads a store key named __proto__ as data, and writes it into the result as data', async () => {
    const pipeline = JSON.parse(
      '{"steps":[{"name":"x","environment":{"__proto__":{"from_secret":{"integration":"mem","path":"app","key":"__proto__"}}}}]}',
    );
    const result = await resolver.resolvePipeline(pipeline, ACCESS);
    const environment = (result.pipeline as typeof pipeline).steps[0].environment;
    expect(Object.getPrototypeOf(environment)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(environment, '__proto__')?.value).toBe(PROTO_KEY_VALUE);
  });

  it('reports KEY_NOT_FOUND for a key the secret only inherits (constructor, toString)', async () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty']) {
      const pipeline = {
        steps: [
          {
            name: 'x',
            environment: { A: { from_secret: { integration: 'mem', path: 'app', key } } },
          },
        ],
      };
      const error = await resolver.resolvePipeline(pipeline, ACCESS).then(
        () => expect.unreachable(`key ${key} must not be found`),
        (caught: SecretError) => caught,
      );
      expect(error.errors?.map((each) => each.code)).toEqual(['KEY_NOT_FOUND']);
    }
  });

  it('never reads a from_secret the pipeline only inherits', async () => {
    const inherited = Object.create({ from_secret: 'token' });
    const result = await resolver.resolvePipeline(
      { steps: [{ name: 'x', environment: { A: inherited } }] },
      ACCESS,
    );
    expect(result.records).toEqual([]);
    expect(result.secrets).toEqual([]);
  });
});

describe('fuzzing findReferences and parseFromSecret with every kind of value', () => {
  // Boxed values, typed and sparse arrays, Maps, Sets, bigints, null prototypes, dates.
  const everything = fc.anything({
    maxDepth: 4,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
    key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'from_secret')),
  });

  it('findReferences returns references or throws RESOLUTION_FAILED, for any value anywhere', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(everything, everything, (environment, settings) => {
        const pipeline = { steps: [{ environment, settings }], services: { db: { environment } } };
        try {
          findReferences(pipeline);
          findReferences(environment);
        } catch (error) {
          expect(SecretError.isInstance(error) && error.code).toBe('RESOLUTION_FAILED');
        }
        expect(prototypeSnapshot()).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('parseFromSecret returns a reference or throws INVALID_REFERENCE, for any value', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(everything, (value) => {
        try {
          parseFromSecret(value);
        } catch (error) {
          expect(SecretError.isInstance(error) && error.code).toBe('INVALID_REFERENCE');
        }
        expect(prototypeSnapshot()).toEqual(before);
      }),
      { numRuns: 1_000 },
    );
  });
});

import { SecretError, type SecretResolver } from '@fromsecret/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryStore } from '../memory-provider/memory-store';
import { type MemoryResolver, startMemoryResolver } from './__fixtures__/memory-resolver';

const ACCESS = { org: 'acme' };
const HUGE_VALUE = `CANARY-HUGE-${'v'.repeat(10_000_000)}`;
let store: MemoryStore;
let resolver: SecretResolver;
let fixture: MemoryResolver;

beforeAll(() => {
  fixture = startMemoryResolver({
    store: 'reliability-sizes',
    token: 'CANARY-SIZES-TOKEN-5a1f',
    secrets: [
      { path: 'app', versions: [{ k: 'CANARY-SIZES-VALUE-6c0e' }] },
      { path: 'huge', versions: [{ k: HUGE_VALUE }] },
    ],
    internalValue: 'CANARY-SIZES-INTERNAL-3d9b',
  });
  ({ store, resolver } = fixture);
});
afterAll(() => fixture.close());

function nested(levels: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < levels; level++) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

const reference = { from_secret: 'token' };

async function failure(pipeline: unknown): Promise<SecretError> {
  const error = await resolver.resolvePipeline(pipeline, ACCESS).then(
    () => expect.unreachable('the resolution should have failed'),
    (caught: unknown) => caught,
  );
  if (!SecretError.isInstance(error)) throw error;
  return error;
}

describe('nesting 10,000 levels deep, through the resolver', () => {
  it.each([
    ['a variable', { steps: [{ name: 'x', environment: { DEEP: nested(10_000, reference) } }] }],
    ['a setting', { steps: [{ name: 'x', settings: { deep: nested(10_000, 'plain') } }] }],
    ['a service', { services: { db: { environment: { DEEP: nested(10_000, reference) } } } }],
  ])('in %s: one clear error, no stack overflow', async (_where, pipeline) => {
    const error = await failure(pipeline);
    expect(error.code).toBe('RESOLUTION_FAILED');
    expect(error.errors?.map((each) => each.code)).toEqual(['INVALID_REFERENCE']);
    expect(error.message).toMatch(/nested more than 100 levels deep/);
    expect(error.message.length).toBeLessThan(2_000);
  });

  it('inside a from_secret map: INVALID_REFERENCE', async () => {
    const deepField = { from_secret: { integration: 'mem', path: nested(10_000, 'x'), key: 'k' } };
    const error = await failure({ steps: [{ name: 'x', environment: { A: deepField } }] });
    expect(error.errors?.map((each) => each.code)).toEqual(['INVALID_REFERENCE']);
    expect(error.message).toMatch(/path/);
  });

  it.each([
    ['a step field no reference can be in', (deep: unknown) => ({ commands: deep })],
    ['the top of the pipeline', (deep: unknown) => ({ deep })],
  ])('in %s: left alone, and the references around it resolved', async (_where, extra) => {
    const deep = nested(10_000, 'plain');
    const pipeline = {
      ...extra(deep),
      steps: [{ name: 'x', ...extra(deep), environment: { A: reference } }],
    };
    const result = await resolver.resolvePipeline(pipeline, ACCESS);
    expect(result.pipeline.steps[0]!.environment.A).toBe('CANARY-SIZES-INTERNAL-3d9b');
    expect(result.secrets).toEqual(['CANARY-SIZES-INTERNAL-3d9b']);
  });
});

describe('very large strings and lists, through the resolver', () => {
  it('a 10 MB name, path, key and variable name: messages that cut them short', async () => {
    const huge = `${'x'.repeat(10_000_000)} `;
    const error = await failure({
      steps: [
        {
          name: huge,
          environment: {
            [huge]: { from_secret: huge },
            B: { from_secret: { integration: huge, path: huge, key: huge, version: huge } },
          },
        },
      ],
    });
    expect(error.errors).toHaveLength(2);
    for (const each of [error, ...error.errors!]) expect(each.message.length).toBeLessThan(4_000);
    // The JSON form keeps the location's step and variable names whole, so that a host can
    // point at them, but never multiplies the input: 7 fields of 10 MB came in.
    expect(JSON.stringify(error.toJSON()).length).toBeLessThan(7 * huge.length);
  });

  it('a 10 MB secret value: substituted whole, and listed for masking', async () => {
    const result = await resolver.resolvePipeline(
      {
        steps: [
          {
            name: 'x',
            environment: { A: { from_secret: { integration: 'mem', path: 'huge', key: 'k' } } },
          },
        ],
      },
      ACCESS,
    );
    const substituted: unknown = result.pipeline.steps[0]!.environment.A;
    expect(substituted === HUGE_VALUE).toBe(true);
    expect(result.secrets).toHaveLength(1);
  });

  it('a setting holding 500,000 items, with a reference at its end', async () => {
    const list: unknown[] = Array.from({ length: 500_000 }, (_, index) => index);
    list.push(reference);
    const result = await resolver.resolvePipeline(
      { steps: [{ name: 'x', settings: { list } }] },
      ACCESS,
    );
    const resolved = result.pipeline.steps[0]!.settings.list;
    expect(resolved).toHaveLength(500_001);
    expect(resolved[500_000]).toBe('CANARY-SIZES-INTERNAL-3d9b');
    expect(list[500_000]).toBe(reference);
  });

  it('20,000 references to one path and 20,000 to one internal secret: one read each', async () => {
    const reads = store.secretReadCount();
    const environment: Record<string, unknown> = {};
    for (let index = 0; index < 20_000; index++) {
      environment[`E${index}`] = { from_secret: { integration: 'mem', path: 'app', key: 'k' } };
      environment[`I${index}`] = reference;
    }
    const result = await resolver.resolvePipeline({ steps: [{ name: 'x', environment }] }, ACCESS);
    expect(result.records).toHaveLength(40_000);
    expect(store.secretReadCount() - reads).toBe(1);
    expect(new Set(result.secrets)).toEqual(
      new Set(['CANARY-SIZES-VALUE-6c0e', 'CANARY-SIZES-INTERNAL-3d9b']),
    );
  });
});

describe('keys that are not text', () => {
  it('a Map with object keys where references may stand: named, with a fix', async () => {
    const settings = new Map<unknown, unknown>([[{ key: 'object' }, reference]]);
    const error = await failure({ steps: [{ name: 'x', settings: { map: settings } }] });
    expect(error.errors?.map((each) => each.code)).toEqual(['INVALID_REFERENCE']);
    expect(error.message).toMatch(/plain objects and arrays/);
  });

  it('symbol keys are not data: a reference beside one is still read, the symbol is not', async () => {
    const withSymbol = { from_secret: 'token', [Symbol('hidden')]: 'ignored' };
    const result = await resolver.resolvePipeline(
      { steps: [{ name: 'x', environment: { A: withSymbol } }] },
      ACCESS,
    );
    expect(result.pipeline.steps[0]!.environment.A).toBe('CANARY-SIZES-INTERNAL-3d9b');
  });
});

import { describe, expect, it } from 'vitest';
import { expectInvalidPipeline } from './__fixtures__/expect-invalid-pipeline';
import { findReferences } from './find-references';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('findReferences: hostile input', () => {
  it('reports nesting 10,000 levels deep as one clear error, without overflowing the stack', () => {
    let deep: unknown = { from_secret: 'x' };
    for (let level = 0; level < 10_000; level++) deep = level % 2 === 0 ? [deep] : { a: deep };
    const failure = expectInvalidPipeline({ steps: [{ name: 'deep', settings: { deep } }] });
    expect(failure.errors).toHaveLength(1);
    const [error] = failure.errors!;
    expect(error!.issues![0]).toMatch(/nested more than 100 levels deep/);
    expect(error!.location?.pointer.split('/')).toHaveLength(102);
    expect(error!.location?.pointer).toMatch(/^\/steps\/0\/settings\/deep\/a\/0\/a\/0/);
    expect(failure.message.length).toBeLessThan(1_000);
  });

  it('finds a reference 96 levels deep', () => {
    let deep: unknown = { from_secret: 'x' };
    for (let level = 0; level < 96; level++) deep = [deep];
    const [found] = findReferences({ steps: [{ settings: { deep } }] });
    expect(found!.location.pointer.split('/')).toHaveLength(101);
  });

  it('reports a cycle instead of walking it', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    const step: Record<string, unknown> = { environment: { A: loop } };
    (step.environment as Record<string, unknown>).B = { back: step };
    const failure = expectInvalidPipeline({ steps: [step] });
    expect(failure.errors!.map((error) => error.location?.pointer)).toEqual([
      '/steps/0/environment/A/self',
      '/steps/0/environment/B/back',
    ]);
    expect(failure.errors![0]!.issues![0]).toMatch(/contains itself \(a cycle\)/);
  });

  it('finds a shared (YAML anchor) value at each place it stands', () => {
    const shared = { TOKEN: { from_secret: 'x' } };
    const found = findReferences({ steps: [{ environment: shared }, { environment: shared }] });
    expect(found.map(({ location }) => location.pointer)).toEqual([
      '/steps/0/environment/TOKEN',
      '/steps/1/environment/TOKEN',
    ]);
  });

  it('reads own properties only and never modifies the pipeline', () => {
    const pipeline = deepFreeze({
      steps: [
        {
          environment: {
            A: { from_secret: 'a' },
            B: [{ from_secret: { integration: 1, path: 'p', key: 'k' } }],
          },
        },
      ],
      services: { db: { settings: { C: { from_secret: 'c' } } } },
    });
    const before = JSON.stringify(pipeline);
    expect(findReferences(pipeline)).toHaveLength(3);
    expect(JSON.stringify(pipeline)).toBe(before);
    Object.defineProperty(Object.prototype, 'services', {
      value: [{ environment: { X: { from_secret: 'inherited' } } }],
      configurable: true,
    });
    try {
      expect(findReferences({})).toEqual([]);
      expect(findReferences({ steps: [{ environment: {} }] })).toEqual([]);
    } finally {
      delete (Object.prototype as Record<string, unknown>).services;
    }
  });

  it('skips array holes rather than reading Array.prototype', () => {
    const steps: unknown[] = [];
    steps[2] = { environment: { A: { from_secret: 'x' } } };
    expect(findReferences({ steps }).map(({ location }) => location.step)).toEqual(['2']);
  });

  it('keeps __proto__ keys as data and pollutes nothing', () => {
    const pipeline = JSON.parse(
      '{"steps":{"__proto__":{"environment":{"__proto__":{"from_secret":"x"}}}}}',
    );
    expect(findReferences(pipeline)).toEqual([
      {
        reference: { kind: 'internal', name: 'x' },
        location: {
          pointer: '/steps/__proto__/environment/__proto__',
          group: 'steps',
          step: '__proto__',
          section: 'environment',
          name: '__proto__',
        },
      },
    ]);
    expect(({} as Record<string, unknown>).environment).toBeUndefined();
  });

  it('keeps constructor and prototype keys as data', () => {
    const pipeline = JSON.parse(
      '{"steps":[{"name":"constructor","settings":{"constructor":{"prototype":{"from_secret":"x"}}}}]}',
    );
    const [found] = findReferences(pipeline);
    expect(found!.location).toMatchObject({
      pointer: '/steps/0/settings/constructor/prototype',
      step: 'constructor',
      name: 'constructor',
    });
    expect(typeof ({} as Record<string, unknown>).constructor).toBe('function');
  });

  it('handles very large strings without quoting them', () => {
    const huge = `${'x'.repeat(10_000_000)} `;
    const failure = expectInvalidPipeline({
      steps: [
        {
          environment: {
            [huge]: { from_secret: huge },
            B: { from_secret: { integration: huge, path: huge, key: huge, version: huge } },
          },
        },
      ],
    });
    expect(failure.errors).toHaveLength(2);
    expect(failure.message.length).toBeLessThan(2_000);
    for (const error of failure.errors!) expect(error.message.length).toBeLessThan(2_000);
    expect(failure.errors![0]!.location?.name).toBe(huge);
  });

  it('walks very large lists', () => {
    const settings = { many: Array.from({ length: 1_000_000 }, (_, index) => index) };
    expect(findReferences({ steps: [{ settings }] })).toEqual([]);
    const environment = Object.fromEntries(
      Array.from({ length: 20_000 }, (_, index) => [`V${index}`, { from_secret: `s${index}` }]),
    );
    const found = findReferences({ steps: [{ environment }] });
    expect(found).toHaveLength(20_000);
    expect(found[19_999]!.location.pointer).toBe('/steps/0/environment/V19999');
  });

  it('rejects a Map with keys that are not text (YAML mapAsMap), naming where it stands', () => {
    const yamlMap = new Map<unknown, unknown>([
      [1, { from_secret: 'x' }],
      [{ complex: true }, 'y'],
    ]);
    const failure = expectInvalidPipeline({ steps: [{ environment: { A: yamlMap } }] });
    expect(failure.errors![0]!.location?.pointer).toBe('/steps/0/environment/A');
    expect(failure.errors![0]!.message).toMatch(/parse the pipeline into plain objects/);
    expect(expectInvalidPipeline(new Map([['steps', []]])).message).toMatch(/not a Map/);
  });
});

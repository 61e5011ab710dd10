import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { findReferences } from './find-references';

function failureOf(pipeline: unknown): SecretError {
  try {
    findReferences(pipeline);
  } catch (error) {
    expect(SecretError.isInstance(error)).toBe(true);
    const failure = error as SecretError;
    expect(failure.code).toBe('RESOLUTION_FAILED');
    for (const inner of failure.errors ?? []) expect(inner.code).toBe('INVALID_REFERENCE');
    return failure;
  }
  throw new Error('expected findReferences to throw');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const designExample = {
  steps: [
    {
      name: 'deploy',
      image: 'alpine',
      environment: {
        INTERNAL_TOKEN: { from_secret: 'my_token' },
        API_KEY: {
          from_secret: {
            integration: 'vault-prod',
            path: 'crow/myapp',
            key: 'api_key',
            version: 3,
          },
        },
      },
    },
    {
      name: 'publish',
      image: 'registry.example.com/buildx',
      settings: {
        password: { from_secret: { integration: 1, path: 'crow/docker', key: 'password' } },
      },
    },
  ],
};

describe('findReferences', () => {
  it('finds the references of design §1 with their locations, in document order', () => {
    expect(findReferences(designExample)).toEqual([
      {
        reference: { kind: 'internal', name: 'my_token' },
        location: {
          pointer: '/steps/0/environment/INTERNAL_TOKEN',
          group: 'steps',
          step: 'deploy',
          section: 'environment',
          name: 'INTERNAL_TOKEN',
        },
      },
      {
        reference: {
          kind: 'external',
          integration: 'vault-prod',
          path: 'crow/myapp',
          key: 'api_key',
          version: 3,
        },
        location: {
          pointer: '/steps/0/environment/API_KEY',
          group: 'steps',
          step: 'deploy',
          section: 'environment',
          name: 'API_KEY',
        },
      },
      {
        reference: { kind: 'external', integration: 1, path: 'crow/docker', key: 'password' },
        location: {
          pointer: '/steps/1/settings/password',
          group: 'steps',
          step: 'publish',
          section: 'settings',
          name: 'password',
        },
      },
    ]);
  });

  it('reads steps and services given as maps keyed by name', () => {
    const found = findReferences({
      steps: { build: { environment: { TOKEN: { from_secret: 'a' } } } },
      services: {
        database: { name: 'postgres', environment: { PASSWORD: { from_secret: 'b' } } },
      },
    });
    expect(found.map(({ location }) => [location.pointer, location.group, location.step])).toEqual([
      ['/steps/build/environment/TOKEN', 'steps', 'build'],
      ['/services/database/environment/PASSWORD', 'services', 'postgres'],
    ]);
  });

  it('names a step by its index when it has no usable name', () => {
    const found = findReferences({
      steps: [
        { environment: { A: { from_secret: 'a' } } },
        { name: '', environment: { B: { from_secret: 'b' } } },
        { name: 7, environment: { C: { from_secret: 'c' } } },
      ],
    });
    expect(found.map(({ location }) => location.step)).toEqual(['0', '1', '2']);
  });

  it('finds references at any depth of settings, in lists and nested maps', () => {
    const found = findReferences({
      steps: [
        {
          name: 'plugin',
          settings: {
            targets: [
              { host: 'a', auth: { token: { from_secret: 'first' } } },
              [{ from_secret: 'second' }],
            ],
            plain: { nested: { deeper: 'no reference here' } },
          },
        },
      ],
    });
    expect(found.map(({ location }) => [location.pointer, location.name])).toEqual([
      ['/steps/0/settings/targets/0/auth/token', 'targets'],
      ['/steps/0/settings/targets/1/0', 'targets'],
    ]);
  });

  it('escapes ~ and / in pointers (RFC 6901) but keeps names as written', () => {
    const found = findReferences({
      steps: { 'build/linux~amd64': { environment: { 'A/B~C': { from_secret: 'x' } } } },
    });
    expect(found[0]!.location).toEqual({
      pointer: '/steps/build~1linux~0amd64/environment/A~1B~0C',
      group: 'steps',
      step: 'build/linux~amd64',
      section: 'environment',
      name: 'A/B~C',
    });
  });

  it('looks only in environment and settings', () => {
    expect(
      findReferences({
        steps: [{ commands: [{ from_secret: 'x' }], when: { from_secret: 'y' } }],
        from_secret: 'z',
        variables: { A: { from_secret: 'w' } },
      }),
    ).toEqual([]);
  });

  it('accepts absent groups, steps that are not maps and sections that are plain values', () => {
    expect(findReferences({})).toEqual([]);
    expect(findReferences({ steps: [], services: {} })).toEqual([]);
    expect(findReferences({ steps: ['echo', null, 3, [{ from_secret: 'x' }]] })).toEqual([]);
    expect(findReferences({ steps: [{ environment: null, settings: 'x' }] })).toEqual([]);
    expect(
      findReferences({ steps: [{ settings: { when: new Date(0), bytes: new Uint8Array(2) } }] }),
    ).toEqual([]);
  });

  it('rejects a pipeline that is not a map', () => {
    for (const pipeline of [null, undefined, 'steps', 3, [designExample]]) {
      const failure = failureOf(pipeline);
      expect(failure.errors).toHaveLength(1);
      expect(failure.errors![0]!.message).toMatch(/the pipeline must be a map with steps/);
      expect(failure.errors![0]!.location).toBeUndefined();
    }
  });

  it('rejects steps or services of another type, naming the pointer', () => {
    const failure = failureOf({ steps: 'build', services: null });
    expect(failure.errors!.map((error) => error.message)).toEqual([
      'Cannot look for from_secret references at "/steps": steps must be a list of steps or a map of them by name, not text, or leave it out',
      'Cannot look for from_secret references at "/services": services must be a list of services or a map of them by name, not null, or leave it out',
    ]);
  });

  it('rejects a map holding from_secret and other keys, hinting at indentation', () => {
    const failure = failureOf({
      steps: [
        {
          environment: {
            A: { from_secret: 'x', image: 'alpine' },
            B: { from_secret: null, integration: 1, path: 'crow/app', key: 'k' },
          },
        },
      ],
    });
    const [other, indented] = failure.errors!;
    expect(other!.issues).toEqual([
      'a map holding from_secret must hold nothing else, but it also holds "image"; move them out',
    ]);
    expect(indented!.issues).toEqual([
      'this map holds "integration", "path", "key" next to from_secret; indent them under from_secret',
      'from_secret is empty (null); give a secret name or a map of integration, path and key',
    ]);
  });

  it('reports every problem of the pipeline at once, each with its location', () => {
    const failure = failureOf({
      steps: [
        {
          name: 'deploy',
          environment: {
            OK: { from_secret: 'fine' },
            API_KEY: {
              from_secret: { intergration: 1, path: 'crow/../../sys/policy', key: 'k' },
            },
          },
        },
      ],
      services: { db: { settings: { list: [{ from_secret: '' }] } } },
    });
    expect(failure.errors).toHaveLength(2);
    const [first, second] = failure.errors!;
    expect(first!.location).toEqual({
      pointer: '/steps/0/environment/API_KEY',
      group: 'steps',
      step: 'deploy',
      section: 'environment',
      name: 'API_KEY',
    });
    expect(first!.issues).toHaveLength(2);
    expect(first!.message).toMatch(
      /^Invalid from_secret reference at "\/steps\/0\/environment\/API_KEY" \(step "deploy", environment variable "API_KEY"\) \(2 problems\):/,
    );
    expect(second!.location).toEqual({
      pointer: '/services/db/settings/list/0',
      group: 'services',
      step: 'db',
      section: 'settings',
      name: 'list',
    });
    expect(second!.message).toMatch(/\(service "db", setting "list"\): from_secret is empty/);
    expect(failure.message).toMatch(/^The pipeline's from_secret references have 2 problems/);
    expect(failure.message).toContain(
      '"/steps/0/environment/API_KEY": unknown field "intergration"',
    );
    expect(failure.message).toContain('(and 1 more at the same place)');
    expect(failure.message).toContain('"/services/db/settings/list/0": from_secret is empty');
  });

  it('shows the first five problems in the summary and counts the rest', () => {
    const environment = Object.fromEntries(
      Array.from({ length: 8 }, (_, index) => [`V${index}`, { from_secret: '' }]),
    );
    const failure = failureOf({ steps: [{ environment }] });
    expect(failure.errors).toHaveLength(8);
    expect(failure.message).toContain('"/steps/0/environment/V4"');
    expect(failure.message).not.toContain('"/steps/0/environment/V5"');
    expect(failure.message).toContain('... and 3 more');
  });

  it('flags a key that looks like from_secret instead of passing it over', () => {
    const failure = failureOf({ steps: [{ environment: { A: { fromSecret: 'x' } } }] });
    expect(failure.errors![0]!.issues).toEqual([
      'the key "fromSecret" looks like from_secret; write it exactly',
    ]);
    expect(failure.errors![0]!.location?.pointer).toBe('/steps/0/environment/A');
  });

  it('rejects a section that is itself a from_secret map', () => {
    const failure = failureOf({ steps: [{ environment: { from_secret: 'x' } }] });
    expect(failure.errors![0]!.message).toMatch(
      /at "\/steps\/0\/environment": environment is itself a from_secret map/,
    );
  });

  it('rejects Map and Set where references may stand, with the fix', () => {
    const failure = failureOf({
      steps: [
        new Map([['environment', {}]]),
        { environment: new Map() },
        { settings: { list: [new Set()] } },
      ],
      services: new Map(),
    });
    expect(failure.errors!.map((error) => error.issues![0])).toEqual([
      expect.stringMatching(/^this step is a Map; parse the pipeline into plain objects/),
      expect.stringMatching(/^this value is a Map; parse the pipeline/),
      expect.stringMatching(/^this value is a Set; parse the pipeline/),
      expect.stringMatching(/^services must be .* not a Map; parse the pipeline/),
    ]);
    expect(failure.errors![2]!.location?.pointer).toBe('/steps/2/settings/list/0');
  });

  it('reports nesting 10,000 levels deep as one clear error, without overflowing the stack', () => {
    let deep: unknown = { from_secret: 'x' };
    for (let level = 0; level < 10_000; level++) deep = level % 2 === 0 ? [deep] : { a: deep };
    const failure = failureOf({ steps: [{ name: 'deep', settings: { deep } }] });
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
    const failure = failureOf({ steps: [step] });
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
    const pipeline = deepFreeze(structuredClone(designExample));
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
});

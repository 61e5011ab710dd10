import { describe, expect, it } from 'vitest';
import { findReferences } from '../reference/find-references';
import { resolvePointer } from '../reference/json-pointer';
import { substituteReferences } from '../reference/substitute-references';
import { ADMITTED, external, setUp } from './__fixtures__/resolver-setup';
import type { ExternalResolutionRecord } from './secret-resolver';

const INTERNAL_VALUE = 'CANARY-INTERNAL-VALUE-33';

/**
 * A pipeline with every shape a result must carry through unchanged: steps as a list and
 * services as a map, a `__proto__` variable (as JSON.parse makes it), a map without a
 * prototype, references nested in lists, a value shared by two places (a YAML anchor), and
 * two paths that hold the same value.
 */
function awkwardPipeline(): Record<string, unknown> {
  const shared = { TOKEN: { from_secret: 'my_token' }, USER: external('app/db', 'user') };
  const bare = Object.assign(Object.create(null), {
    COPY: external('app/copy', 'user'),
    PLAIN: 'kept',
  });
  const fromJson = JSON.parse(
    '{"__proto__":{"from_secret":{"integration":2,"path":"app/db","key":"password"}},"a/b~c":"x"}',
  );
  return {
    steps: [
      { name: 'first', environment: shared, settings: { list: [external('app/db', 'user')] } },
      { name: 'second', environment: shared, settings: fromJson },
    ],
    services: {
      db: {
        image: 'postgres',
        environment: bare,
        settings: { deep: [[{ x: external('v', 'k', 3) }]] },
      },
    },
  };
}

function storedValues(store: ReturnType<typeof setUp>['store']): void {
  store.secrets.set('app/db', { user: 'same-user', password: 'db-password', host: 'unused-host' });
  store.secrets.set('app/copy', { user: 'same-user' });
  store.secrets.set('v@3', { k: 'versioned' });
}

describe('the result of a resolution', () => {
  it('is the pipeline substituted at every place, as substituteReferences would do it', async () => {
    const { resolver, store } = setUp();
    storedValues(store);
    const pipeline = awkwardPipeline();
    const before = JSON.stringify(pipeline);
    const result = await resolver.resolvePipeline(pipeline, ADMITTED);
    const values = [INTERNAL_VALUE, 'same-user', 'same-user', INTERNAL_VALUE, 'same-user'].concat([
      'db-password',
      'same-user',
      'versioned',
    ]);
    const found = findReferences(pipeline);
    expect(found).toHaveLength(values.length);
    const expected = substituteReferences(
      pipeline,
      found.map(({ location }, index) => ({ pointer: location.pointer, value: values[index]! })),
    );
    expect(result.pipeline).toEqual(expected);
    expect(JSON.stringify(result.pipeline)).toBe(JSON.stringify(expected));
    expect(JSON.stringify(pipeline)).toBe(before);
    const environment = resolvePointer(result.pipeline, '/services/db/environment') as object;
    expect(Object.getPrototypeOf(environment)).toBeNull();
    const settings = resolvePointer(result.pipeline, '/steps/1/settings') as object;
    expect(Object.getOwnPropertyDescriptor(settings, '__proto__')?.value).toBe('db-password');
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    const steps = (result.pipeline as { steps: Array<{ environment: object }> }).steps;
    expect(steps[0]!.environment).not.toBe(steps[1]!.environment);
  });

  it('lists each value substituted once, in the order the references first use it', async () => {
    const { resolver, store } = setUp();
    storedValues(store);
    const result = await resolver.resolvePipeline(awkwardPipeline(), ADMITTED);
    expect(result.secrets).toEqual([INTERNAL_VALUE, 'same-user', 'db-password', 'versioned']);
  });

  it('holds one record per reference, in document order, sharing no object with another', async () => {
    const { resolver, store } = setUp();
    storedValues(store);
    const pipeline = awkwardPipeline();
    const result = await resolver.resolvePipeline(pipeline, ADMITTED);
    const found = findReferences(pipeline);
    expect(result.records.map((record) => record.location)).toEqual(
      found.map(({ location }) => location),
    );
    expect(result.records.map((record) => [record.kind, record.shared])).toEqual([
      ['internal', true],
      ['external', true],
      ['external', true],
      ['internal', true],
      ['external', true],
      ['external', false],
      ['external', false],
      ['external', false],
    ]);
    const external = result.records.filter(
      (record): record is ExternalResolutionRecord => record.kind === 'external',
    );
    expect(external[3]).toEqual({
      kind: 'external',
      integration: { id: 2, name: 'other-store', type: 'fake' },
      path: 'app/db',
      key: 'password',
      resolvedVersion: '7',
      resolvedAt: expect.any(Number),
      shared: false,
      location: {
        pointer: '/steps/1/settings/__proto__',
        group: 'steps',
        step: 'second',
        section: 'settings',
        name: '__proto__',
      },
    });
    expect(external[5]).toMatchObject({ path: 'v', key: 'k', version: 3, shared: false });
    // The CLI prints records as JSON: the order of their keys shows.
    const common = ['kind', 'integration', 'path', 'key', 'resolvedAt', 'shared', 'location'];
    expect(Object.keys(external[3]!)).toEqual([...common, 'resolvedVersion']);
    expect(Object.keys(external[5]!)).toEqual([...common, 'version', 'resolvedVersion']);
    expect(Object.keys(result.records[0]!)).toEqual([
      'kind',
      'name',
      'resolvedAt',
      'shared',
      'location',
    ]);
    expect(new Set(external.map((record) => record.integration)).size).toBe(external.length);
    expect(new Set(result.records.map((record) => record.location)).size).toBe(8);
  });
});

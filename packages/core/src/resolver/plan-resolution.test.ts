import { describe, expect, it } from 'vitest';
import { createMemoryIntegrationStore } from '../integrations/create-memory-integration-store';
import type { Integration, IntegrationStore } from '../integrations/integration';
import { createProviderRegistry } from '../registry/create-provider-registry';
import type { ProviderDefinition } from '../spec/v1/provider-definition';
import { createFakeStore } from './__fixtures__/fake-store';
import {
  ADMITTED,
  external,
  pipelineOf,
  rejection,
  TOKEN_CANARY,
  testIntegrations,
} from './__fixtures__/resolver-setup';
import { createSecretResolver } from './create-secret-resolver';

function integration(id: number, name: string, overrides: Partial<Integration> = {}): Integration {
  return { ...testIntegrations()[0]!, id, name, ...overrides };
}

function countingStore(
  integrations: Integration[],
): IntegrationStore & { lookups: Array<number | string> } {
  const inner = createMemoryIntegrationStore(integrations);
  const lookups: Array<number | string> = [];
  return {
    lookups,
    get: (idOrName) => {
      lookups.push(idOrName);
      return inner.get(idOrName);
    },
    list: () => inner.list(),
  };
}

const leaky: ProviderDefinition = {
  specificationVersion: 'v1',
  type: 'leaky',
  displayName: 'Leaky',
  fields: [{ name: 'token', label: 'Token', required: true, secret: true, kind: 'string' }],
  parseConfig: (input) => {
    throw new RangeError(`cannot use token ${(input as { token: string }).token}`);
  },
  create: () => {
    throw new Error('never reached');
  },
};

describe('planning', () => {
  it('reports every problem at once, in document order, before any read', async () => {
    const store = createFakeStore();
    const integrations = countingStore([
      integration(1, 'vault-prod'),
      integration(2, 'locked', { allow: { users: [], orgs: [], repos: [] } }),
      integration(3, 'bad-config', { config: { token: TOKEN_CANARY } }),
      integration(4, 'unknown-type', { type: 'nosuch' }),
      integration(5, 'leaky-one', { type: 'leaky', config: { token: TOKEN_CANARY } }),
    ]);
    const resolver = createSecretResolver({
      registry: createProviderRegistry({
        providers: [store.definition, leaky],
        importModule: async (specifier) => {
          throw Object.assign(new Error(`Cannot find package '${specifier}'`), {
            code: 'ERR_MODULE_NOT_FOUND',
          });
        },
      }),
      integrations,
    });
    const error = await rejection(
      resolver.resolvePipeline(
        pipelineOf({
          MISSING: external('a', 'key', undefined, 'missing-one'),
          LOCKED: external('a', 'key', undefined, 'locked'),
          LOCKED_AGAIN: external('b', 'key', undefined, 'locked'),
          CONFIG: external('a', 'key', undefined, 'bad-config'),
          TYPE: external('a', 'key', undefined, 'unknown-type'),
          LEAKY: external('a', 'key', undefined, 'leaky-one'),
          INVALID: external('a', 'forbidden-key'),
          FINE: external('a', 'key'),
          INTERNAL: { from_secret: 'my_token' },
        }),
        ADMITTED,
      ),
    );
    expect(error.code).toBe('RESOLUTION_FAILED');
    expect(error.errors?.map((failure) => [failure.location?.name, failure.code])).toEqual([
      ['MISSING', 'INTEGRATION_NOT_FOUND'],
      ['LOCKED', 'NOT_ALLOWED'],
      ['LOCKED_AGAIN', 'NOT_ALLOWED'],
      ['CONFIG', 'INVALID_CONFIG'],
      ['TYPE', 'UNKNOWN_PROVIDER_TYPE'],
      ['LEAKY', 'PROVIDER_ERROR'],
      ['INVALID', 'INVALID_REFERENCE'],
      ['INTERNAL', 'SECRET_NOT_FOUND'],
    ]);
    expect(error.message).toContain('nothing was read from any store');
    expect(error.errors?.[1]?.integration).toEqual({ id: 2, name: 'locked', type: 'fake' });
    expect(error.errors?.[0]?.integration).toEqual({ name: 'missing-one' });
    expect(error.errors?.[7]?.message).toContain('no internal secret store');
    expect(store.counts).toMatchObject({ reads: 0, logins: 0, creates: 1 });
    expect(integrations.lookups.sort()).toEqual([
      'bad-config',
      'leaky-one',
      'locked',
      'missing-one',
      'unknown-type',
      'vault-prod',
    ]);
    const everything = [
      error.message,
      JSON.stringify(error.toJSON()),
      String(error.errors?.[5]?.cause),
    ].join();
    expect(everything).not.toContain(TOKEN_CANARY);
  });

  it('refuses external secrets to a pull request from a fork, but still resolves nothing else', async () => {
    const store = createFakeStore();
    const resolver = createSecretResolver({
      registry: createProviderRegistry({ providers: [store.definition] }),
      integrations: createMemoryIntegrationStore(testIntegrations()),
    });
    const error = await rejection(
      resolver.resolvePipeline(pipelineOf({ A: external('a', 'key') }), {
        ...ADMITTED,
        fromFork: true,
      }),
    );
    expect(error.errors?.[0]?.code).toBe('NOT_ALLOWED');
    expect(error.errors?.[0]?.message).toContain('forks');
    expect(store.counts.reads).toBe(0);
  });

  it('passes malformed references through as they are found, without any look-up', async () => {
    const integrations = countingStore(testIntegrations());
    const resolver = createSecretResolver({ registry: createProviderRegistry(), integrations });
    const error = await rejection(
      resolver.resolvePipeline(
        pipelineOf({
          A: { from_secret: { intergration: 1, path: 'a', key: 'b' } },
          B: { from_secret: { integration: 1, path: '../sys', key: 'k' } },
        }),
        ADMITTED,
      ),
    );
    expect(error.code).toBe('RESOLUTION_FAILED');
    expect(error.errors?.map((failure) => failure.code)).toEqual([
      'INVALID_REFERENCE',
      'INVALID_REFERENCE',
    ]);
    expect(integrations.lookups).toEqual([]);
  });

  it('wraps an integration store that fails with a foreign error', async () => {
    const resolver = createSecretResolver({
      registry: createProviderRegistry(),
      integrations: {
        get: async () => {
          throw new Error('connection to database lost');
        },
        list: async () => [],
      },
    });
    const error = await rejection(
      resolver.resolvePipeline(pipelineOf({ A: external('a', 'key') }), ADMITTED),
    );
    expect(error.errors?.[0]?.code).toBe('PROVIDER_ERROR');
    expect(error.errors?.[0]?.message).toContain('integration store');
    expect(error.errors?.[0]?.message).toContain('connection to database lost');
  });

  it('rejects a malformed integration from a host store instead of trusting it', async () => {
    const resolver = createSecretResolver({
      registry: createProviderRegistry({ providers: [createFakeStore().definition] }),
      integrations: {
        get: async () =>
          ({ ...testIntegrations()[0]!, allow: undefined }) as unknown as Integration,
        list: async () => [],
      },
    });
    const error = await rejection(
      resolver.resolvePipeline(pipelineOf({ A: external('a', 'key') }), ADMITTED),
    );
    expect(error.errors?.[0]?.code).toBe('INVALID_CONFIG');
    expect(error.errors?.[0]?.message).toContain('allow must be an object');
  });
});

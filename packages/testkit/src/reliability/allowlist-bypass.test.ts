import {
  type AccessContext,
  createMemoryIntegrationStore,
  createProviderRegistry,
  createSecretResolver,
  type Integration,
  SecretError,
  type SecretResolver,
} from '@fromsecret/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryProvider } from '../memory-provider/memory-provider';
import { createMemoryStore, type MemoryStore } from '../memory-provider/memory-store';

const STORE = 'reliability-allowlists';
const TOKEN = 'CANARY-ALLOWLIST-TOKEN-1e4b';

function integration(id: number, name: string, allow: Integration['allow']): Integration {
  return { id, name, type: 'memory', config: { store: STORE, token: TOKEN }, allow };
}

const INTEGRATIONS = [
  integration(7, 'vault-prod', { users: ['alice'], orgs: ['acme'], repos: ['acme/app'] }),
  // Its name is the other's id: a reference by name must never reach integration 7.
  integration(8, '7', { users: [], orgs: ['other'], repos: [] }),
  integration(9, 'fork-friendly', { users: [], orgs: [], repos: ['acme/app'], forks: true }),
  integration(10, 'k8s', { users: ['sam', 'admin'], orgs: ['k8s-team'], repos: [] }),
];

let store: MemoryStore;
let resolver: SecretResolver;

beforeAll(() => {
  store = createMemoryStore(STORE, {
    token: TOKEN,
    secrets: [{ path: 'app', versions: [{ k: 'CANARY-ALLOWLIST-VALUE-63f1' }] }],
  });
  resolver = createSecretResolver({
    registry: createProviderRegistry({ providers: [memoryProvider] }),
    integrations: createMemoryIntegrationStore(INTEGRATIONS),
  });
});
afterAll(async () => {
  await resolver.close();
  store.close();
});

/** The code a resolution through `reference` ends with, and how many store requests it made. */
async function attempt(reference: unknown, context: AccessContext) {
  const before = store.requestCount();
  const pipeline = {
    steps: [
      {
        name: 'x',
        environment: { A: { from_secret: { integration: reference, path: 'app', key: 'k' } } },
      },
    ],
  };
  const outcome = await resolver.resolvePipeline(pipeline, context).then(
    (result) => ({
      code: 'ALLOWED',
      integrationId: (result.records[0] as { integration: { id: number } }).integration.id,
    }),
    (error: unknown) => {
      if (!SecretError.isInstance(error)) throw error;
      const first = error.errors?.[0] ?? error;
      return { code: first.code, integrationId: undefined, message: first.message };
    },
  );
  return { ...outcome, requests: store.requestCount() - before };
}

describe('allowlists cannot be talked round', () => {
  it.each([
    ['user in other ASCII case', { user: 'ALICE' }],
    ['org in other ASCII case', { org: 'Acme' }],
    ['repo in other ASCII case', { repo: 'ACME/App' }],
  ])('admits the %s (ASCII case only is ignored)', async (_label, context) => {
    expect(await attempt(7, context)).toMatchObject({ code: 'ALLOWED', integrationId: 7 });
  });

  it.each([
    ['a Cyrillic a in the user', { user: '\u0430lice' }],
    ['a fullwidth user', { user: '\uFF41\uFF4C\uFF49\uFF43\uFF45' }],
    ['a dotted capital I in the user', { user: 'al\u0130ce' }],
    ['a zero-width space after the org', { org: 'acme\u200B' }],
    ['a trailing space after the org', { org: 'acme ' }],
    ['a right-to-left override in the org', { org: '\u202Eemca' }],
    ['the Kelvin sign for K in the org', { org: '\u212A8s-team' }, 'k8s'],
    ['a long s for s in the user', { user: '\u017Fam' }, 'k8s'],
    ['a dotless i in the user', { user: 'adm\u0131n' }, 'k8s'],
    ['owner/name/../other', { repo: 'acme/app/../other' }],
    ['owner/other/../name', { repo: 'acme/other/../app' }],
    ['a trailing slash', { repo: 'acme/app/' }],
    ['an empty segment', { repo: 'acme//app' }],
    ['a dot segment first', { repo: './acme/app' }],
    ['an encoded slash', { repo: 'acme%2Fapp' }],
    ['a backslash', { repo: 'acme\\app' }],
    ['a newline', { repo: 'acme/app\n' }],
    ['a wildcard', { repo: 'acme/*' }],
    ['no user, org or repo', {}],
    ['a list where a name belongs', { org: ['acme'] as unknown as string }],
  ] as [string, AccessContext, string?][])(
    'denies %s, before any request',
    async (_label, context, reference = 'vault-prod') => {
      expect(await attempt(reference, context)).toMatchObject({ code: 'NOT_ALLOWED', requests: 0 });
    },
  );

  it('a reference by id and by name reach the integration they name, and only it', async () => {
    expect(await attempt(7, { org: 'acme' })).toMatchObject({ code: 'ALLOWED', integrationId: 7 });
    expect(await attempt('vault-prod', { org: 'acme' })).toMatchObject({ integrationId: 7 });
    expect(await attempt('VAULT-PROD', { org: 'acme' })).toMatchObject({ integrationId: 7 });
    // "7" is a name: integration 8, whose allowlist does not admit acme.
    expect(await attempt('7', { org: 'acme' })).toMatchObject({ code: 'NOT_ALLOWED', requests: 0 });
    expect(await attempt('7', { org: 'other' })).toMatchObject({ integrationId: 8 });
    expect(await attempt(8, { org: 'acme' })).toMatchObject({ code: 'NOT_ALLOWED', requests: 0 });
  });

  it.each([
    ['a hyphen look-alike', 'vault\u2010prod', 'INTEGRATION_NOT_FOUND'],
    ['a fullwidth name', '\uFF56ault-prod', 'INTEGRATION_NOT_FOUND'],
    ['surrounding space', ' vault-prod', 'INVALID_REFERENCE'],
    ['an id that is not a whole number', 7.5, 'INVALID_REFERENCE'],
    ['id 0', 0, 'INVALID_REFERENCE'],
    ['a negative id', -7, 'INVALID_REFERENCE'],
    ['a huge id', 2 ** 53, 'INVALID_REFERENCE'],
  ] as [string, unknown, string][])(
    'does not stretch an integration name or id: %s',
    async (_label, reference, code) => {
      expect(await attempt(reference, { org: 'acme' })).toMatchObject({ code, requests: 0 });
    },
  );

  it.each([
    ['fromFork: true', true],
    ['fromFork given as the text "true"', 'true'],
    ['fromFork given as 1', 1],
    ['fromFork given as the text "false"', 'false'],
  ])(
    'gives a fork pull request no secret (%s) unless the integration allows forks',
    async (_label, fromFork) => {
      const context = {
        repo: 'acme/app',
        event: 'pull_request',
        fromFork,
      } as unknown as AccessContext;
      expect(await attempt('vault-prod', context)).toMatchObject({
        code: 'NOT_ALLOWED',
        requests: 0,
      });
      expect(await attempt('fork-friendly', context)).toMatchObject({ code: 'ALLOWED' });
    },
  );

  it('rejects allowlist entries that would admit more than one name', () => {
    for (const entry of ['*', '', 'acme/*', ' acme', 'acme/app/..']) {
      const list = entry.includes('/') ? 'repos' : 'orgs';
      const allow = { users: [], orgs: [], repos: [], [list]: [entry] } as Integration['allow'];
      expect(() => createMemoryIntegrationStore([integration(1, 'x', allow)])).toThrow(
        expect.objectContaining({ code: 'INVALID_CONFIG' }),
      );
    }
  });
});

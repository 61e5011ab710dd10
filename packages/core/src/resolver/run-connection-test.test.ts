import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { setUp, TOKEN_CANARY, testIntegrations } from './__fixtures__/resolver-setup';

describe('testConnection', () => {
  it('reports exactly "Connection test successful" with a fresh provider each time', async () => {
    const { resolver, store } = setUp();
    const first = await resolver.testConnection('vault-prod');
    const second = await resolver.testConnection(1);
    expect(first).toEqual({
      ok: true,
      message: 'Connection test successful',
      durationMs: expect.any(Number),
    });
    expect(second.ok).toBe(true);
    expect(store.counts).toMatchObject({ creates: 2, tests: 2, logins: 2, closes: 2, reads: 0 });
  });

  it('is an operator action: it does not consult the allowlists', async () => {
    const locked = { ...testIntegrations()[0]!, allow: { users: [], orgs: [], repos: [] } };
    const { resolver } = setUp({ integrationList: [locked] });
    await expect(resolver.testConnection('vault-prod')).resolves.toMatchObject({ ok: true });
  });

  it('returns the store error, scrubbed of secret settings, instead of throwing', async () => {
    const { resolver, store } = setUp();
    store.testConnectionFailure = new SecretError({
      code: 'AUTHENTICATION_FAILED',
      message: `the store rejected ${TOKEN_CANARY}`,
    });
    const result = await resolver.testConnection('vault-prod');
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'AUTHENTICATION_FAILED',
        integration: { id: 1, name: 'vault-prod', type: 'fake' },
      },
      message: 'the store rejected [REDACTED]',
    });
    expect(store.counts.closes).toBe(1);
  });

  it('returns INTEGRATION_NOT_FOUND, INVALID_CONFIG and foreign errors as results', async () => {
    const broken = { ...testIntegrations()[1]!, config: { url: 'not a url', token: TOKEN_CANARY } };
    const { resolver, store } = setUp({ integrationList: [testIntegrations()[0]!, broken] });
    await expect(resolver.testConnection('nope')).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTEGRATION_NOT_FOUND', integration: { name: 'nope' } },
    });
    const invalid = await resolver.testConnection('other-store');
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_CONFIG' } });
    expect(JSON.stringify(invalid)).not.toContain(TOKEN_CANARY);
    store.testConnectionFailure = new TypeError('fetch failed');
    await expect(resolver.testConnection(1)).resolves.toMatchObject({
      ok: false,
      error: { code: 'PROVIDER_ERROR' },
    });
  });

  it('reports TIMEOUT at the deadline and CANCELLED on abort', async () => {
    const { resolver, store } = setUp({ timeoutMs: 30 });
    store.testConnectionFailure = undefined;
    const slow = store.definition.create;
    store.definition.create = (config, context) => {
      const provider = slow(config, context);
      return { ...provider, testConnection: () => new Promise(() => {}) };
    };
    await expect(resolver.testConnection(1)).resolves.toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT' },
    });
    await expect(
      resolver.testConnection(1, { signal: AbortSignal.abort() }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'CANCELLED' },
    });
  });
});

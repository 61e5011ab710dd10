import { describe, expect, it, vi } from 'vitest';
import {
  ADMITTED,
  external,
  pipelineOf,
  rejection,
  setUp,
  TOKEN_CANARY,
  testIntegrations,
} from './__fixtures__/resolver-setup';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

describe('resolvePipeline', () => {
  it('reads each path once: 3 keys from one path and 1 from another are 2 reads, 1 login', async () => {
    const { resolver, store } = setUp();
    store.secrets.set('app/db', {
      user: 'CANARY-DB-USER-1',
      password: 'CANARY-DB-PASS-2',
      host: 'db.internal',
    });
    store.secrets.set('app/api', { key: 'CANARY-API-KEY-3' });
    const pipeline = deepFreeze(
      pipelineOf({
        DB_USER: external('app/db', 'user'),
        DB_PASSWORD: external('app/db', 'password'),
        DB_HOST: external('app/db', 'host'),
        API_KEY: external('app/api', 'key'),
        PLAIN: 'not a secret',
      }),
    );
    const before = JSON.stringify(pipeline);
    const result = await resolver.resolvePipeline(pipeline, ADMITTED);
    expect(store.counts).toMatchObject({ reads: 2, logins: 1, creates: 1 });
    expect(result.pipeline).toEqual({
      steps: [
        {
          name: 'deploy',
          image: 'alpine',
          environment: {
            DB_USER: 'CANARY-DB-USER-1',
            DB_PASSWORD: 'CANARY-DB-PASS-2',
            DB_HOST: 'db.internal',
            API_KEY: 'CANARY-API-KEY-3',
            PLAIN: 'not a secret',
          },
        },
      ],
    });
    expect(JSON.stringify(pipeline)).toBe(before);
    expect(result.secrets).toEqual([
      'CANARY-DB-USER-1',
      'CANARY-DB-PASS-2',
      'db.internal',
      'CANARY-API-KEY-3',
    ]);
  });

  it('shares a read between an id and a name of the same integration', async () => {
    const { resolver, store } = setUp();
    store.secrets.set('app/db', { user: 'u-value', password: 'p-value' });
    await resolver.resolvePipeline(
      pipelineOf({
        A: external('app/db', 'user', undefined, 1),
        B: external('app/db', 'password', undefined, 'VAULT-PROD'),
      }),
      ADMITTED,
    );
    expect(store.counts.reads).toBe(1);
  });

  it('treats version 0 and an absent version as one read of the latest, other versions apart', async () => {
    const { resolver, store } = setUp();
    store.secrets.set('app/db', { user: 'latest-user' });
    store.secrets.set('app/db@2', { user: 'old-user' });
    store.secrets.set('app/db@v2', { user: 'text-version-user' });
    const result = await resolver.resolvePipeline(
      pipelineOf({
        A: external('app/db', 'user'),
        B: external('app/db', 'user', 0),
        C: external('app/db', 'user', 2),
        D: external('app/db', 'user', 'v2'),
      }),
      ADMITTED,
    );
    // Providers see "latest" in one form when validating too: no version, never 0.
    expect(store.validated.map((reference) => reference.version)).toEqual([
      undefined,
      undefined,
      2,
      'v2',
    ]);
    expect(store.requests.map(({ path, version }) => ({ path, version }))).toEqual([
      { path: 'app/db', version: undefined },
      { path: 'app/db', version: 2 },
      { path: 'app/db', version: 'v2' },
    ]);
    expect(
      (result.pipeline as { steps: Array<{ environment: object }> }).steps[0]!.environment,
    ).toEqual({
      A: 'latest-user',
      B: 'latest-user',
      C: 'old-user',
      D: 'text-version-user',
    });
  });

  it('records every reference without its value', async () => {
    let clock = 1_700_000_000_000;
    const { resolver, store } = setUp({ now: () => clock++ });
    store.secrets.set('app/db', { user: 'CANARY-DB-USER-1', password: 'CANARY-DB-PASS-2' });
    store.secrets.set('app/api@3', { key: 'CANARY-API-KEY-3' });
    const result = await resolver.resolvePipeline(
      pipelineOf(
        { DB_USER: external('app/db', 'user'), TOKEN: { from_secret: 'my_token' } },
        { password: external('app/db', 'password'), api: external('app/api', 'key', 3) },
      ),
      ADMITTED,
    );
    expect(result.records).toHaveLength(4);
    expect(result.records[0]).toEqual({
      kind: 'external',
      integration: { id: 1, name: 'vault-prod', type: 'fake' },
      path: 'app/db',
      key: 'user',
      resolvedVersion: '7',
      resolvedAt: expect.any(Number),
      shared: true,
      location: {
        pointer: '/steps/0/environment/DB_USER',
        group: 'steps',
        step: 'deploy',
        section: 'environment',
        name: 'DB_USER',
      },
    });
    expect(result.records[1]).toMatchObject({ kind: 'internal', name: 'my_token', shared: false });
    expect(result.records[2]).toMatchObject({ path: 'app/db', key: 'password', shared: true });
    expect(result.records[3]).toMatchObject({
      path: 'app/api',
      version: 3,
      resolvedVersion: '3',
      shared: false,
    });
    for (const record of result.records) {
      expect(record.resolvedAt).toBeGreaterThanOrEqual(1_700_000_000_000);
    }
    expect(JSON.stringify(result.records)).not.toMatch(/CANARY/);
  });

  it('resolves string references from the internal secret store, once per name', async () => {
    const { resolver, store } = setUp();
    const result = await resolver.resolvePipeline(
      pipelineOf({ A: { from_secret: 'my_token' }, B: { from_secret: 'my_token' } }),
      ADMITTED,
    );
    expect(result.secrets).toEqual(['CANARY-INTERNAL-VALUE-33']);
    expect(result.records.map((record) => record.shared)).toEqual([true, true]);
    expect(store.counts.creates).toBe(0);
  });

  it('returns a copy for a pipeline without references', async () => {
    const { resolver, store } = setUp();
    const pipeline = { steps: [{ name: 'build', environment: { A: 'b' } }] };
    const result = await resolver.resolvePipeline(pipeline, {});
    expect(result).toEqual({ pipeline, secrets: [], records: [] });
    expect(result.pipeline).not.toBe(pipeline);
    expect(store.counts.creates).toBe(0);
  });

  it('reads values fresh each time but keeps the provider (and its login)', async () => {
    const { resolver, store } = setUp();
    store.secrets.set('app/api', { key: 'first-value' });
    const pipeline = pipelineOf({ API_KEY: external('app/api', 'key') });
    await resolver.resolvePipeline(pipeline, ADMITTED);
    store.secrets.set('app/api', { key: 'rotated-value' });
    const second = await resolver.resolvePipeline(pipeline, ADMITTED);
    expect(second.secrets).toEqual(['rotated-value']);
    expect(store.counts).toMatchObject({ creates: 1, logins: 1, reads: 2 });
  });

  it('creates one provider for 50 concurrent resolutions', async () => {
    const { resolver, store } = setUp();
    store.latencyMs = 5;
    store.secrets.set('app/api', { key: 'value-1234' });
    const pipeline = pipelineOf({ API_KEY: external('app/api', 'key') });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => resolver.resolvePipeline(pipeline, ADMITTED)),
    );
    expect(results.every((result) => result.secrets[0] === 'value-1234')).toBe(true);
    expect(store.counts).toMatchObject({ creates: 1, logins: 1, reads: 50 });
  });

  it('replaces a provider whose integration changed, closing the old one once unused', async () => {
    let current = testIntegrations()[0]!;
    const { resolver, store } = setUp({
      integrations: { get: async () => current, list: async () => [current] },
    });
    store.secrets.set('app/api', { key: 'value-1234' });
    let open = (): void => {};
    store.gate = new Promise((resolve) => {
      open = resolve;
    });
    const pipeline = pipelineOf({ API_KEY: external('app/api', 'key') });
    const inFlight = resolver.resolvePipeline(pipeline, ADMITTED);
    await vi.waitFor(() => expect(store.counts.reads).toBe(1));
    current = { ...current, config: { url: 'https://one.example', token: 'CANARY-NEW-TOKEN-55' } };
    const replaced = resolver.resolvePipeline(pipeline, ADMITTED);
    await vi.waitFor(() => expect(store.counts.reads).toBe(2));
    // The old provider is still serving the first resolution: it is not closed under it.
    expect(store.counts).toMatchObject({ creates: 2, closes: 0 });
    open();
    await Promise.all([inFlight, replaced]);
    await vi.waitFor(() => expect(store.counts.closes).toBe(1));
    // The same settings in another key order are the same integration.
    current = { ...current, config: { token: 'CANARY-NEW-TOKEN-55', url: 'https://one.example' } };
    await resolver.resolvePipeline(pipeline, ADMITTED);
    expect(store.counts.creates).toBe(2);
  });
});

describe('close', () => {
  it('closes every provider once, and refuses work afterwards', async () => {
    const { resolver, store } = setUp();
    store.secrets.set('a', { key: 'value-aaaa' });
    store.secrets.set('b', { key: 'value-bbbb' });
    await resolver.resolvePipeline(
      pipelineOf({ A: external('a', 'key'), B: external('b', 'key', undefined, 'other-store') }),
      ADMITTED,
    );
    expect(store.counts.creates).toBe(2);
    await Promise.all([resolver.close(), resolver.close()]);
    await resolver.close();
    expect(store.counts.closes).toBe(2);
    const error = await rejection(
      resolver.resolvePipeline(pipelineOf({ A: external('a', 'key') }), ADMITTED),
    );
    expect(error.code).toBe('CANCELLED');
    const tested = await resolver.testConnection(1);
    expect(tested).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('cancels a resolution in flight before closing its provider', async () => {
    const { resolver, store } = setUp();
    store.latencyMs = 10_000;
    store.secrets.set('a', { key: 'value-aaaa' });
    const pending = rejection(
      resolver.resolvePipeline(pipelineOf({ A: external('a', 'key') }), ADMITTED),
    );
    await vi.waitFor(() => expect(store.counts.reads).toBe(1));
    await resolver.close();
    const error = await pending;
    expect(error.code).toBe('RESOLUTION_FAILED');
    expect(error.errors?.map((failure) => failure.code)).toEqual(['CANCELLED']);
    expect(error.errors?.[0]?.message).toContain('resolver was closed');
    expect(store.counts.closes).toBe(1);
  });
});

describe('close failures', () => {
  it('closes every provider even when some fail, then reports each, scrubbed', async () => {
    const { resolver, store } = setUp();
    store.secrets.set('a', { key: 'value-aaaa' });
    await resolver.resolvePipeline(
      pipelineOf({ A: external('a', 'key'), B: external('a', 'key', undefined, 'other-store') }),
      ADMITTED,
    );
    store.closeFailure = new Error(`revoke failed for ${TOKEN_CANARY}`);
    const error = await rejection(resolver.close());
    expect(store.counts.closes).toBe(2);
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.message).toContain('"vault-prod", "other-store"');
    expect(error.errors?.map((failure) => failure.integration?.name)).toEqual([
      'vault-prod',
      'other-store',
    ]);
    const everything = [
      error.message,
      JSON.stringify(error.toJSON()),
      String(error.errors?.[0]?.cause),
    ].join();
    expect(everything).not.toContain(TOKEN_CANARY);
  });
});

describe('createSecretResolver options', () => {
  it('reports every invalid option at once', () => {
    expect(() => setUp({ concurrency: 0, timeoutMs: -1 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_CONFIG',
        issues: [
          'concurrency must be a whole number of at least 1',
          'timeoutMs must be a number of milliseconds above 0 (and below about 24 days)',
        ],
      }),
    );
  });

  it('logs names, counts and durations, never a value or a setting', async () => {
    const { resolver, store, log } = setUp();
    store.secrets.set('app/api', { key: 'CANARY-API-KEY-3' });
    await resolver.resolvePipeline(
      pipelineOf({ API_KEY: external('app/api', 'key'), T: { from_secret: 'my_token' } }),
      ADMITTED,
    );
    await resolver.testConnection('vault-prod');
    await resolver.close();
    expect(log.lines.length).toBeGreaterThan(2);
    const text = log.lines.join('\n');
    expect(text).toContain('vault-prod');
    expect(text).not.toContain('CANARY');
    expect(text).not.toContain(TOKEN_CANARY);
  });
});

import type { SecretResolver } from '@fromsecret/core';
import { type InfisicalEmulator, startInfisicalEmulator } from '@fromsecret/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canary, seededStore, settingsFor } from './__fixtures__/infisical-fixtures';
import { acme, integration, pipelineOf, resolverFor } from './__fixtures__/resolver-fixtures';

// End to end: core's resolver, the registry holding this provider, and the loopback emulator.
describe('Infisical through the core resolver', () => {
  let clock: number;
  let storeSkew: number;
  let emulator: InfisicalEmulator;
  let resolver: SecretResolver;

  beforeEach(async () => {
    clock = 1_700_000_000_000;
    storeSkew = 0;
    emulator = await startInfisicalEmulator(seededStore(() => clock + storeSkew));
    resolver = resolverFor(
      [
        integration(1, 'infisical-prod', settingsFor(emulator.url)),
        integration(2, 'infisical-backend', settingsFor(emulator.url, { secretPath: '/backend' })),
      ],
      { now: () => clock },
    );
  });
  afterEach(async () => {
    await resolver.close();
    await emulator.close();
  });

  const pipeline = pipelineOf({
    API_KEY: { integration: 'infisical-prod', path: 'API_KEY', key: 'value' },
    API_KEY_AGAIN: { integration: 1, path: 'API_KEY', key: 'value', version: 0 },
    API_KEY_THIRD: { integration: 'infisical-prod', path: 'API_KEY', key: 'value' },
    OLD_KEY: { integration: 'infisical-prod', path: 'API_KEY', key: 'value', version: 1 },
    OLD_KEY_AGAIN: { integration: 1, path: 'API_KEY', key: 'value', version: 1 },
    DB_PASSWORD: { integration: 'infisical-backend', path: 'DB_PASSWORD', key: 'value' },
  });

  it('substitutes every reference with one login per integration and one read per path and version', async () => {
    const result = await resolver.resolvePipeline(pipeline, acme);
    expect(result.pipeline.steps[0]?.environment).toEqual({
      API_KEY: canary.apiKeyV2,
      API_KEY_AGAIN: canary.apiKeyV2,
      API_KEY_THIRD: canary.apiKeyV2,
      OLD_KEY: canary.apiKeyV1,
      OLD_KEY_AGAIN: canary.apiKeyV1,
      DB_PASSWORD: canary.dbPassword,
    });
    expect([...result.secrets].sort()).toEqual(
      [canary.apiKeyV1, canary.apiKeyV2, canary.dbPassword].sort(),
    );
    // The minimum: one login per integration, one read per (integration, path, version);
    // version 0 and no version are the same read.
    expect(emulator.log.count('login')).toBe(2);
    expect(emulator.log.count('read')).toBe(3);
    expect(
      result.records.filter((record) => record.kind === 'external' && record.shared),
    ).not.toHaveLength(0);
  });

  it('reuses the tokens across resolutions until shortly before they expire', async () => {
    await resolver.resolvePipeline(pipeline, acme);
    clock += 100_000;
    await resolver.resolvePipeline(pipeline, acme);
    expect(emulator.log.count('login')).toBe(2);
    clock += 8_000;
    await resolver.resolvePipeline(pipeline, acme);
    expect(emulator.log.count('login')).toBe(4);
  });

  it('logs in once more, and only once, when Infisical says a token expired', async () => {
    await resolver.resolvePipeline(pipeline, acme);
    storeSkew = 121_000;
    const result = await resolver.resolvePipeline(pipeline, acme);
    expect(result.pipeline.steps[0]?.environment).toMatchObject({ API_KEY: canary.apiKeyV2 });
    expect(emulator.log.count('login')).toBe(4);
    expect(emulator.log.entries.filter((entry) => entry.status === 403)).not.toHaveLength(0);
  });

  it('testConnection logs in and reads no secret', async () => {
    const result = await resolver.testConnection('infisical-prod');
    expect(result).toMatchObject({ ok: true, message: 'Connection test successful' });
    expect(emulator.log.entries.map((entry) => entry.operation)).not.toContain('read');
    expect(emulator.log.count('login')).toBe(1);
  });

  it('close() revokes the tokens the resolution used', async () => {
    await resolver.resolvePipeline(pipeline, acme);
    expect(emulator.store.activeTokenCount()).toBe(2);
    await resolver.close();
    expect(emulator.store.activeTokenCount()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { ConformanceOptions, ConformanceSeed } from './conformance-harness';
import { expectSecretError } from './expect-secret-error';
import { liveSignal, withConformanceStore } from './with-conformance-store';

const path = 'conformance-versioned';

/** Pinned versions (stores with `features.versions`, the default). */
export function describeVersions<Config>(options: ConformanceOptions<Config>): void {
  const key = options.features?.multipleKeys ? 'api_key' : 'value';
  const seed: ConformanceSeed = {
    secrets: [
      {
        path,
        versions: [{ [key]: 'version one' }, { [key]: 'version two' }, { [key]: 'version three' }],
      },
    ],
  };

  describe('versions', () => {
    it('reads a pinned version, not the latest', async () => {
      await withConformanceStore(options, seed, async ({ store, createProvider }) => {
        const provider = createProvider();
        const first = await provider.read(
          { path, version: store.versionOf(path, 1) },
          { signal: liveSignal() },
        );
        const second = await provider.read(
          { path, version: store.versionOf(path, 2) },
          { signal: liveSignal() },
        );
        expect(first.values[key]).toBe('version one');
        expect(second.values[key]).toBe('version two');
      });
    });

    it('reads the latest version for version 0', async () => {
      await withConformanceStore(options, seed, async ({ createProvider }) => {
        const data = await createProvider().read({ path, version: 0 }, { signal: liveSignal() });
        expect(data.values[key]).toBe('version three');
      });
    });

    it('fails with VERSION_NOT_FOUND for a version the secret never had', async () => {
      await withConformanceStore(options, seed, async ({ store, createProvider }) => {
        const provider = createProvider();
        const version = store.missingVersion(path);
        provider.validateReference?.({ path, key, version });
        await expectSecretError(
          () => provider.read({ path, version }, { signal: liveSignal() }),
          'VERSION_NOT_FOUND',
        );
      });
    });
  });
}

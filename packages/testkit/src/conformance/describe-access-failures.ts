import { describe, expect, it } from 'vitest';
import { canaryValue } from './canaries';
import type { ConformanceOptions, ConformanceSeed } from './conformance-harness';
import { expectSecretError } from './expect-secret-error';
import { liveSignal, withConformanceStore } from './with-conformance-store';

/** Rejected credentials and denied paths: distinct codes, never "not found", never retried. */
export function describeAccessFailures<Config>(options: ConformanceOptions<Config>): void {
  const key = options.features?.multipleKeys ? 'api_key' : 'value';
  const seed: ConformanceSeed = {
    secrets: [
      { path: 'conformance-readable', versions: [{ [key]: canaryValue('readable') }] },
      { path: 'conformance-denied', versions: [{ [key]: canaryValue('denied') }] },
    ],
    deniedPaths: ['conformance-denied'],
  };

  describe('access', () => {
    it('fails with AUTHENTICATION_FAILED when the store rejects the credentials', async () => {
      await withConformanceStore(options, seed, async ({ store, createProvider }) => {
        const provider = createProvider(store.badCredentialsConfig);
        const error = await expectSecretError(
          () => provider.read({ path: 'conformance-readable' }, { signal: liveSignal() }),
          'AUTHENTICATION_FAILED',
        );
        expect(error.retryable, 'bad credentials fail fast').toBe(false);
      });
    });

    it('fails with PERMISSION_DENIED for a path the identity may not read', async () => {
      await withConformanceStore(options, seed, async ({ createProvider }) => {
        const provider = createProvider();
        const error = await expectSecretError(
          () => provider.read({ path: 'conformance-denied' }, { signal: liveSignal() }),
          'PERMISSION_DENIED',
        );
        expect(error.retryable, 'a denial fails fast').toBe(false);
        const readable = await provider.read(
          { path: 'conformance-readable' },
          { signal: liveSignal() },
        );
        expect(readable.values[key], 'a denial must not break the provider').toBe(
          canaryValue('readable'),
        );
      });
    });
  });
}

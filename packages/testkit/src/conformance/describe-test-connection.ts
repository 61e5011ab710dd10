import { describe, expect, it } from 'vitest';
import type { ConformanceOptions } from './conformance-harness';
import { expectSecretError } from './expect-secret-error';
import { liveSignal, withConformanceStore } from './with-conformance-store';

/** `testConnection()`: authenticates and reaches the store, reads no secret. */
export function describeTestConnection<Config>(options: ConformanceOptions<Config>): void {
  const key = options.features?.multipleKeys ? 'api_key' : 'value';
  const seed = { secrets: [{ path: 'conformance-untouched', versions: [{ [key]: 'untouched' }] }] };

  describe('testConnection', () => {
    it('succeeds against a working store and reads no secret', async () => {
      await withConformanceStore(options, seed, async ({ store, createProvider }) => {
        const requestsBefore = store.requestCount();
        const readsBefore = store.secretReadCount();
        await expect(createProvider().testConnection({ signal: liveSignal() })).resolves.toBe(
          undefined,
        );
        expect(store.requestCount(), 'a connection test must reach the store').toBeGreaterThan(
          requestsBefore,
        );
        expect(store.secretReadCount(), 'a connection test reads no secret').toBe(readsBefore);
      });
    });

    it('fails with AUTHENTICATION_FAILED for rejected credentials', async () => {
      await withConformanceStore(options, seed, async ({ store, createProvider }) => {
        const readsBefore = store.secretReadCount();
        await expectSecretError(
          () => createProvider(store.badCredentialsConfig).testConnection({ signal: liveSignal() }),
          'AUTHENTICATION_FAILED',
        );
        expect(store.secretReadCount()).toBe(readsBefore);
      });
    });
  });
}

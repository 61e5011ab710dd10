import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ConformanceOptions } from './conformance-harness';
import { withConformanceStore } from './with-conformance-store';

/** `create()` builds a provider without I/O, even in the background. */
export function describeCreateWithoutIo<Config>(options: ConformanceOptions<Config>): void {
  describe('create', () => {
    it('does no I/O, for working and for rejected credentials', async () => {
      await withConformanceStore(options, { secrets: [] }, async ({ store, createProvider }) => {
        const before = store.requestCount();
        createProvider();
        createProvider(store.badCredentialsConfig);
        // A login started but not awaited in create() would reach the store by now.
        await nextMacrotask();
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(store.requestCount(), 'create() must not reach the store').toBe(before);
      });
    });
  });
}

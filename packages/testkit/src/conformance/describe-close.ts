import { describe, expect, it } from 'vitest';
import type { ConformanceOptions } from './conformance-harness';
import { liveSignal, withConformanceStore } from './with-conformance-store';

/** `close()`: idempotent, and free for a provider that never connected. */
export function describeClose<Config>(options: ConformanceOptions<Config>): void {
  const key = options.features?.multipleKeys ? 'api_key' : 'value';
  const path = 'conformance-closing';

  describe('close', () => {
    it('can be called twice after use', async () => {
      await withConformanceStore(
        options,
        { secrets: [{ path, versions: [{ [key]: 'closing value' }] }] },
        async ({ createProvider }) => {
          const provider = createProvider();
          await provider.read({ path }, { signal: liveSignal() });
          await expect(provider.close()).resolves.toBeUndefined();
          await expect(provider.close()).resolves.toBeUndefined();
        },
      );
    });

    it('does no I/O for a provider that never connected, however often it is called', async () => {
      await withConformanceStore(options, { secrets: [] }, async ({ store, createProvider }) => {
        const provider = createProvider();
        const before = store.requestCount();
        await provider.close();
        await provider.close();
        expect(store.requestCount()).toBe(before);
      });
    });
  });
}

import { describe, expect, it } from 'vitest';
import type { ConformanceOptions, ConformanceSeed } from './conformance-harness';
import { expectSecretError } from './expect-secret-error';
import { liveSignal, withConformanceStore } from './with-conformance-store';

const path = 'conformance-slow';
const storeLatencyMs = 3_000;
const abortAfterMs = 50;
/** Coarse bound for "promptly": far below the store's latency, far above any scheduling noise. */
const promptlyMs = 1_000;

/** The caller's AbortSignal: CANCELLED at once, and promptly mid-flight. */
export function describeAbort<Config>(options: ConformanceOptions<Config>): void {
  const key = options.features?.multipleKeys ? 'api_key' : 'value';
  const seed: ConformanceSeed = { secrets: [{ path, versions: [{ [key]: 'slow value' }] }] };

  describe('abort', () => {
    it('fails with CANCELLED for an already aborted signal, without reaching the store', async () => {
      await withConformanceStore(options, seed, async ({ store, createProvider }) => {
        const provider = createProvider();
        const signal = AbortSignal.abort();
        const before = store.requestCount();
        await expectSecretError(() => provider.read({ path }, { signal }), 'CANCELLED');
        await expectSecretError(() => provider.testConnection({ signal }), 'CANCELLED');
        expect(store.requestCount()).toBe(before);
      });
    });

    it('fails with CANCELLED promptly when aborted while logging in', async () => {
      await withConformanceStore(options, seed, async ({ store, createProvider }) => {
        const provider = createProvider();
        store.setLatency(storeLatencyMs);
        await expectCancelledPromptly((signal) => provider.read({ path }, { signal }));
      });
    });

    it('fails with CANCELLED promptly when aborted during a read', async () => {
      await withConformanceStore(options, seed, async ({ store, createProvider }) => {
        const provider = createProvider();
        await provider.read({ path }, { signal: liveSignal() });
        store.setLatency(storeLatencyMs);
        await expectCancelledPromptly((signal) => provider.read({ path }, { signal }));
      });
    });

    it('still reads after a cancelled call', async () => {
      await withConformanceStore(options, seed, async ({ store, createProvider }) => {
        const provider = createProvider();
        store.setLatency(storeLatencyMs);
        await expectCancelledPromptly((signal) => provider.read({ path }, { signal }));
        store.setLatency(0);
        const data = await provider.read({ path }, { signal: liveSignal() });
        expect(data.values[key]).toBe('slow value');
      });
    });
  });
}

async function expectCancelledPromptly(call: (signal: AbortSignal) => Promise<unknown>) {
  const controller = new AbortController();
  const started = Date.now();
  const timer = setTimeout(() => controller.abort(), abortAfterMs);
  try {
    await expectSecretError(() => call(controller.signal), 'CANCELLED');
  } finally {
    clearTimeout(timer);
  }
  expect(Date.now() - started, 'an abort must end the call promptly').toBeLessThan(promptlyMs);
}

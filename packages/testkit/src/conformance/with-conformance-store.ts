import type { SecretProvider } from '@fromsecret/core';
import { type CapturingLogger, createCapturingLogger } from './capturing-logger';
import type { ConformanceOptions, ConformanceSeed, ConformanceStore } from './conformance-harness';

/** What a conformance test works with: a seeded store and providers for it. */
export interface ConformanceFixture {
  store: ConformanceStore;
  /** Every line the providers created here logged. */
  logger: CapturingLogger;
  /** A provider for `config` (the store's working config when omitted), closed after the test. */
  createProvider(config?: unknown): SecretProvider;
}

/**
 * Sets up a store from `seed`, runs `test` with it, then closes every provider created and
 * the store, whether the test passed or not.
 */
export async function withConformanceStore<Config>(
  options: ConformanceOptions<Config>,
  seed: ConformanceSeed,
  test: (fixture: ConformanceFixture) => Promise<void>,
): Promise<void> {
  const store = await options.setup(seed);
  const logger = createCapturingLogger();
  const providers: SecretProvider[] = [];
  const createProvider = (config: unknown = store.config): SecretProvider => {
    const definition = options.provider;
    const provider = definition.create(definition.parseConfig(config), {
      logger,
      now: () => Date.now(),
    });
    providers.push(provider);
    return provider;
  };
  try {
    await test({ store, logger, createProvider });
  } finally {
    store.setLatency(0);
    for (const provider of providers) await provider.close();
    await store.close();
  }
}

/** A signal nobody aborts, for calls that should complete. */
export function liveSignal(): AbortSignal {
  return new AbortController().signal;
}

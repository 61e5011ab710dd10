import { type SecretData, type SecretProvider, substituteReferences } from '@fromsecret/core';
import { externalReferences, keyValue, readRequest } from './external-references';
import type { StrategyFactory } from './resolution-strategy';
import { createStoreProvider } from './store-providers';

/**
 * What one would write by hand: one client per integration (one login each), references
 * resolved one after the other, and each (integration, path, version) read once per run.
 */
export const createPerPathCacheStrategy: StrategyFactory = ({ integrations, endpoints }) => {
  const providers = new Map<number, SecretProvider>();
  return {
    async resolve(pipeline) {
      const signal = new AbortController().signal;
      const cache = new Map<string, SecretData>();
      const replacements: { pointer: string; value: string }[] = [];
      for (const reference of externalReferences(pipeline, integrations)) {
        const cacheKey = JSON.stringify([
          reference.integration.id,
          reference.path,
          reference.version ?? 0,
        ]);
        let data = cache.get(cacheKey);
        if (data === undefined) {
          let provider = providers.get(reference.integration.id);
          if (provider === undefined) {
            provider = createStoreProvider(reference.integration, endpoints);
            providers.set(reference.integration.id, provider);
          }
          data = await provider.read(readRequest(reference), { signal });
          cache.set(cacheKey, data);
        }
        replacements.push({ pointer: reference.pointer, value: keyValue(data, reference) });
      }
      return substituteReferences(pipeline, replacements);
    },
    async close() {
      await Promise.all([...providers.values()].map((provider) => provider.close()));
    },
  };
};

import { type SecretProvider, substituteReferences } from '@fromsecret/core';
import { externalReferences, keyValue, readRequest } from './external-references';
import type { StrategyFactory } from './resolution-strategy';
import { createStoreProvider } from './store-providers';

/**
 * The naive resolver: for every reference, a new client of the store that logs in and reads
 * the reference's secret. All references are resolved at once (its fastest form: nothing
 * waits for anything but its own login), with the same providers fromsecret uses.
 */
export const createNaiveStrategy: StrategyFactory = ({ integrations, endpoints }) => {
  const opened: SecretProvider[] = [];
  return {
    async resolve(pipeline) {
      const references = externalReferences(pipeline, integrations);
      const replacements = await Promise.all(
        references.map(async (reference) => {
          const provider = createStoreProvider(reference.integration, endpoints);
          opened.push(provider);
          // Each reference is its own little resolution, with its own signal.
          const signal = new AbortController().signal;
          const data = await provider.read(readRequest(reference), { signal });
          return { pointer: reference.pointer, value: keyValue(data, reference) };
        }),
      );
      return substituteReferences(pipeline, replacements);
    },
    async close() {
      await Promise.all(opened.map((provider) => provider.close()));
    },
  };
};

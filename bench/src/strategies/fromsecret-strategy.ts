import { createMemoryIntegrationStore, createSecretResolver } from '@fromsecret/core';
import { BENCH_ACCESS } from '../layout/bench-credentials';
import type { StrategyFactory } from './resolution-strategy';
import { benchRegistry } from './store-providers';

/** fromsecret's resolver with its defaults (8 reads in flight per integration). */
export const createFromsecretStrategy: StrategyFactory = ({ integrations, endpoints }) => {
  const resolver = createSecretResolver({
    registry: benchRegistry(endpoints),
    integrations: createMemoryIntegrationStore([...integrations]),
  });
  return {
    resolve: async (pipeline) => (await resolver.resolvePipeline(pipeline, BENCH_ACCESS)).pipeline,
    close: () => resolver.close(),
  };
};

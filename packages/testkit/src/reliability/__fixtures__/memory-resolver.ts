import {
  createMemoryIntegrationStore,
  createMemorySecretStore,
  createProviderRegistry,
  createSecretResolver,
  type SecretResolver,
} from '@fromsecret/core';
import { memoryProvider } from '../../memory-provider/memory-provider';
import type { MemorySecretSeed } from '../../memory-provider/memory-secrets';
import { createMemoryStore, type MemoryStore } from '../../memory-provider/memory-store';

/** What {@link startMemoryResolver} sets up. */
export interface MemoryResolverOptions {
  /** The in-process store's name. */
  store: string;
  /** The store's token: the integration's credential. */
  token: string;
  secrets: readonly MemorySecretSeed[];
  /** The value of the internal secret named `token`. */
  internalValue: string;
}

/** A memory store and a resolver whose one integration, `mem`, admits the org `acme`. */
export interface MemoryResolver {
  store: MemoryStore;
  resolver: SecretResolver;
  close(): Promise<void>;
}

/** Starts a memory store and a resolver reading it through the `memory` provider. */
export function startMemoryResolver(options: MemoryResolverOptions): MemoryResolver {
  const store = createMemoryStore(options.store, {
    token: options.token,
    secrets: [...options.secrets],
  });
  const resolver = createSecretResolver({
    registry: createProviderRegistry({ providers: [memoryProvider] }),
    integrations: createMemoryIntegrationStore([
      {
        id: 1,
        name: 'mem',
        type: 'memory',
        config: { store: options.store, token: options.token },
        allow: { users: [], orgs: ['acme'], repos: [] },
      },
    ]),
    internalSecrets: createMemorySecretStore({ token: options.internalValue }),
  });
  return {
    store,
    resolver,
    async close() {
      await resolver.close();
      store.close();
    },
  };
}

import type { ConformanceSeed, ConformanceStore } from '../conformance/conformance-harness';
import { createMemoryStore } from './memory-store';

let storeCount = 0;

/** Sets up a fresh memory store for one conformance test, under a name no other test uses. */
export async function setUpMemoryConformanceStore(
  seed: ConformanceSeed,
): Promise<ConformanceStore> {
  storeCount += 1;
  const name = `conformance-${storeCount}`;
  const token = `CANARY-MEMORY-TOKEN-${storeCount}-7f3a`;
  const store = createMemoryStore(name, {
    token,
    secrets: seed.secrets,
    deniedPaths: seed.deniedPaths ?? [],
  });
  const versionCount = (path: string) =>
    seed.secrets.find((secret) => secret.path === path)?.versions.length ?? 0;
  return {
    config: { store: name, token },
    badCredentialsConfig: { store: name, token: `CANARY-WRONG-TOKEN-${storeCount}-7f3a` },
    credentials: [token],
    versionOf: (_path, n) => n,
    missingVersion: (path) => versionCount(path) + 1,
    requestCount: () => store.requestCount(),
    secretReadCount: () => store.secretReadCount(),
    setLatency: (milliseconds) => store.setLatency(milliseconds),
    close: async () => store.close(),
  };
}

import type { MemoryStoreBackend } from './memory-store-backend';

// Shared through the global object (like SecretError's Symbol.for marker) so that a store
// created through one copy of the testkit is found by a provider loaded from another copy.
const registryKey = Symbol.for('fromsecret.testkit.memory-stores');

function registry(): Map<string, MemoryStoreBackend> {
  const holder = globalThis as Record<symbol, Map<string, MemoryStoreBackend> | undefined>;
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

/** Makes a store reachable by its name; false when the name is taken. */
export function registerMemoryStore(store: MemoryStoreBackend): boolean {
  const stores = registry();
  if (stores.has(store.name)) return false;
  stores.set(store.name, store);
  return true;
}

/** The live store with this name, if any. */
export function findMemoryStore(name: string): MemoryStoreBackend | undefined {
  return registry().get(name);
}

/** Makes a store unreachable, if it is the one registered under its name. */
export function unregisterMemoryStore(store: MemoryStoreBackend): void {
  const stores = registry();
  if (stores.get(store.name) === store) stores.delete(store.name);
}

export { MEMORY_PROVIDER_TYPE, type MemoryConfig } from './memory-config';
export {
  createMemoryProvider,
  memoryProvider,
  memoryProvider as provider,
} from './memory-provider';
export type { MemorySecretSeed } from './memory-secrets';
export { createMemoryStore, type MemoryStore } from './memory-store';
export type { MemoryStoreOptions } from './memory-store-options';
export type {
  MemoryFault,
  MemoryFaultOptions,
  MemoryOperation,
  MemoryStoreRequest,
} from './request-recorder';

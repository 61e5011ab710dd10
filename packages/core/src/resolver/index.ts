export { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from './check-resolver-options';
export { createSecretResolver } from './create-secret-resolver';
export type {
  ExternalResolutionRecord,
  InternalResolutionRecord,
  ResolutionRecord,
  ResolutionResult,
  ResolveOptions,
  SecretResolver,
  SecretResolverOptions,
  TestConnectionOptions,
  TestConnectionResult,
} from './secret-resolver';

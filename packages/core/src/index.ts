// The public API of @fromsecret/core. Everything not exported here is internal.

// Settings validation for providers
export {
  type ConfigFieldsResult,
  invalidConfigError,
  parseConfigFields,
  redactConfig,
  secretSettingValues,
} from './config/index';

// Errors
export {
  classifyNetworkError,
  type IntegrationDescriptor,
  MIN_REDACTED_LENGTH,
  type NetworkFailure,
  parseRetryAfter,
  REDACTED,
  type ReferenceDescriptor,
  redactText,
  SanitizedError,
  SECRET_ERROR_CODES,
  SecretError,
  type SecretErrorCode,
  type SecretErrorJSON,
  type SecretErrorOptions,
  sanitizeCause,
} from './errors/index';
// Integrations
export {
  type AccessContext,
  checkAccess,
  checkIntegrations,
  createMemoryIntegrationStore,
  createMemorySecretStore,
  foldAsciiCase,
  INTEGRATION_NAME_PATTERN,
  type Integration,
  type IntegrationAllowlist,
  type IntegrationStore,
  type InternalSecretStore,
  integrationNotFoundError,
  isIntegrationName,
  isRepositoryName,
} from './integrations/index';
// Helpers for providers: one login shared by concurrent callers
export {
  createSharedLogin,
  type LoginFunction,
  type SharedLogin,
} from './login/create-shared-login';
// Masking
export {
  createMasker,
  DEFAULT_MASK_MIN_LENGTH,
  MASK,
  type Masker,
  type MaskerOptions,
} from './masking/index';
// References
export { encodeSecretPath } from './reference/encode-secret-path';
export { findReferences } from './reference/find-references';
export { parseFromSecret } from './reference/parse-from-secret';
export type {
  ExternalReference,
  InternalReference,
  LocatedReference,
  ReferenceLocation,
  SecretReference,
} from './reference/secret-reference';
export {
  type ReferenceReplacement,
  substituteReferences,
} from './reference/substitute-references';
// Registry
export {
  BUILT_IN_PROVIDER_PACKAGES,
  createProviderRegistry,
  type ImportModule,
  isProviderType,
  PROVIDER_TYPE_PATTERN,
  type ProviderRegistry,
  type ProviderRegistryOptions,
} from './registry/index';
// Resolver
export {
  createSecretResolver,
  DEFAULT_CONCURRENCY,
  DEFAULT_TIMEOUT_MS,
  type ExternalResolutionRecord,
  type InternalResolutionRecord,
  type ResolutionRecord,
  type ResolutionResult,
  type ResolveOptions,
  type SecretResolver,
  type SecretResolverOptions,
  type TestConnectionOptions,
  type TestConnectionResult,
} from './resolver/index';
// Helpers for providers
export { raceWithSignal } from './signals/race-with-signal';
// Contract (spec v1)
export {
  type CallOptions,
  type ConfigField,
  type ConfigFieldKind,
  createProviderContext,
  type Logger,
  type ProviderContext,
  type ProviderDefinition,
  type ProviderReference,
  type ReadRequest,
  type SecretData,
  type SecretProvider,
  SPECIFICATION_VERSION,
  silentLogger,
} from './spec/v1/index';
export { closestMatch } from './suggest/closest-match';

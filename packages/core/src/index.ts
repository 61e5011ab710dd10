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

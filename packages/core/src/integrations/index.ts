export { isRepositoryName } from './allowlist-entry';
export { checkAccess } from './check-access';
export { checkIntegrations } from './check-integrations';
export { createMemoryIntegrationStore } from './create-memory-integration-store';
export { createMemorySecretStore } from './create-memory-secret-store';
export { foldAsciiCase } from './fold-ascii-case';
export type {
  AccessContext,
  Integration,
  IntegrationAllowlist,
  IntegrationStore,
  InternalSecretStore,
} from './integration';
export { INTEGRATION_NAME_PATTERN, isIntegrationName } from './integration-name';
export { integrationNotFoundError } from './integration-not-found-error';

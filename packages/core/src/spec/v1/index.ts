export type { ConfigField, ConfigFieldKind } from './config-field';
export { type Logger, silentLogger } from './logger';
export { createProviderContext, type ProviderContext } from './provider-context';
export { type ProviderDefinition, SPECIFICATION_VERSION } from './provider-definition';
export type {
  CallOptions,
  ProviderReference,
  ReadRequest,
  SecretData,
  SecretProvider,
} from './secret-provider';

import {
  createProviderContext,
  type ProviderContext,
  type ProviderDefinition,
  type SecretProvider,
} from '@fromsecret/core';
import {
  ENCRYPTED_FILE_TYPE,
  type EncryptedFileConfig,
  type EncryptedFileConfigInput,
  encryptedFileFields,
  parseEncryptedFileConfig,
} from './encrypted-file-config';
import { EncryptedFileProvider } from './encrypted-file-provider';

/**
 * The `encrypted_file` provider: secrets sealed with AES-256-GCM in one JSON file, several
 * keys per path, numbered versions. What the registry loads from this package.
 */
export const provider: ProviderDefinition<EncryptedFileConfig> = Object.freeze({
  specificationVersion: 'v1',
  type: ENCRYPTED_FILE_TYPE,
  displayName: 'Encrypted secrets file (AES-256-GCM)',
  fields: encryptedFileFields,
  parseConfig: parseEncryptedFileConfig,
  create(config: EncryptedFileConfig, context: ProviderContext): SecretProvider {
    return new EncryptedFileProvider(config, context);
  },
});

/**
 * Validates `config` and builds a provider without a registry, for scripts and tests.
 * Throws `INVALID_CONFIG` listing every problem; does no I/O.
 */
export function createEncryptedFileProvider(
  config: EncryptedFileConfigInput,
  context: Partial<ProviderContext> = {},
): SecretProvider {
  return provider.create(provider.parseConfig(config), createProviderContext(context));
}

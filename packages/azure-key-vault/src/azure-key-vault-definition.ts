import {
  createProviderContext,
  type ProviderContext,
  type ProviderDefinition,
  type SecretProvider,
} from '@fromsecret/core';
import type { AzureKeyVaultEmulatorConnection } from './azure-key-vault-client';
import {
  AZURE_KEY_VAULT_TYPE,
  type AzureKeyVaultConfig,
  type AzureKeyVaultConfigInput,
  azureKeyVaultFields,
  parseAzureKeyVaultConfig,
} from './azure-key-vault-config';
import { AzureKeyVaultProvider } from './azure-key-vault-provider';

/** Options of {@link createAzureKeyVaultDefinition}. */
export interface AzureKeyVaultDefinitionOptions {
  /**
   * For tests and emulators only: reach an emulator (see `startAzureKeyVaultEmulator` in
   * `@fromsecret/testkit`) instead of Azure. Never set it for real vaults.
   * @default undefined (Azure, with every check on)
   */
  emulator?: AzureKeyVaultEmulatorConnection;
}

/** What {@link createAzureKeyVaultProvider} accepts besides the settings. */
export interface AzureKeyVaultContext extends ProviderContext {
  /** For tests and emulators only; see {@link AzureKeyVaultDefinitionOptions.emulator}. */
  emulator?: AzureKeyVaultEmulatorConnection;
}

/**
 * Builds the `azure_key_vault` provider definition. The package's `provider` export is this
 * with no options; tests register one built with `emulator` to run against the emulator.
 */
export function createAzureKeyVaultDefinition(
  options: AzureKeyVaultDefinitionOptions = {},
): ProviderDefinition<AzureKeyVaultConfig> {
  return Object.freeze({
    specificationVersion: 'v1' as const,
    type: AZURE_KEY_VAULT_TYPE,
    displayName: 'Azure Key Vault',
    fields: azureKeyVaultFields,
    parseConfig: parseAzureKeyVaultConfig,
    create: (config: AzureKeyVaultConfig, context: ProviderContext): SecretProvider =>
      new AzureKeyVaultProvider(config, context, options.emulator),
  });
}

/** The `azure_key_vault` provider: Azure Key Vault secrets, read as a service principal. */
export const provider: ProviderDefinition<AzureKeyVaultConfig> = createAzureKeyVaultDefinition();

/**
 * Validates `config` (throwing one `INVALID_CONFIG` error listing every problem) and builds
 * an Azure Key Vault provider, without I/O.
 */
export function createAzureKeyVaultProvider(
  config: AzureKeyVaultConfigInput,
  context: Partial<AzureKeyVaultContext> = {},
): SecretProvider {
  const { emulator, ...rest } = context;
  return new AzureKeyVaultProvider(
    parseAzureKeyVaultConfig(config),
    createProviderContext(rest),
    emulator,
  );
}

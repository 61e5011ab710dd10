// The public API of @fromsecret/azure-key-vault. Everything not exported here is internal.

export type { AzureKeyVaultEmulatorConnection } from './azure-key-vault-client';
export {
  AZURE_KEY_VAULT_TYPE,
  type AzureKeyVaultConfig,
  type AzureKeyVaultConfigInput,
  azureKeyVaultFields,
  parseAzureKeyVaultConfig,
} from './azure-key-vault-config';
export {
  type AzureKeyVaultContext,
  type AzureKeyVaultDefinitionOptions,
  createAzureKeyVaultDefinition,
  createAzureKeyVaultProvider,
  provider,
} from './azure-key-vault-definition';

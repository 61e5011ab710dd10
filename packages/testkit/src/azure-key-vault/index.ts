export {
  entraErrorResponse,
  keyVaultErrorResponse,
  keyVaultThrottledFault,
} from './azure-error-responses';
export { createAzureKeyVaultEmulatorHandler } from './azure-key-vault-emulator-handler';
export {
  AZURE_KEY_VAULT_EMULATOR_TENANT_ID,
  AzureKeyVaultEmulatorStore,
  type AzureKeyVaultTokenCheck,
  type IssuedAccessToken,
  type StoredSecretVersion,
} from './azure-key-vault-emulator-store';
export type {
  AzureKeyVaultEmulatorPrincipal,
  AzureKeyVaultEmulatorSecret,
  AzureKeyVaultEmulatorState,
  AzureKeyVaultEmulatorVersion,
  AzureKeyVaultPermissionModel,
} from './azure-key-vault-emulator-types';
export {
  type AzureKeyVaultEmulator,
  type AzureKeyVaultEmulatorHandle,
  type AzureKeyVaultEmulatorOptions,
  type AzureKeyVaultNockOptions,
  mountAzureKeyVaultEmulatorOnNock,
  startAzureKeyVaultEmulator,
} from './start-azure-key-vault-emulator';

// The public API of @fromsecret/testkit/emulators: the store emulators and the in-memory
// provider without the conformance suite, which imports vitest. A demo, a benchmark or an app
// that only needs a store on loopback imports this entry and loads no test framework.

// Azure Key Vault emulator
export {
  AZURE_KEY_VAULT_EMULATOR_TENANT_ID,
  type AzureKeyVaultEmulator,
  type AzureKeyVaultEmulatorHandle,
  type AzureKeyVaultEmulatorOptions,
  type AzureKeyVaultEmulatorPrincipal,
  type AzureKeyVaultEmulatorSecret,
  type AzureKeyVaultEmulatorState,
  AzureKeyVaultEmulatorStore,
  type AzureKeyVaultEmulatorVersion,
  type AzureKeyVaultNockOptions,
  type AzureKeyVaultPermissionModel,
  type AzureKeyVaultTokenCheck,
  createAzureKeyVaultEmulatorHandler,
  entraErrorResponse,
  type IssuedAccessToken,
  keyVaultErrorResponse,
  keyVaultThrottledFault,
  mountAzureKeyVaultEmulatorOnNock,
  type StoredSecretVersion,
  startAzureKeyVaultEmulator,
} from './azure-key-vault/index';
// Emulator building blocks (shared by the Vault, Azure Key Vault and Infisical emulators)
export {
  type EmulatorFault,
  type EmulatorHandler,
  type EmulatorLogEntry,
  type EmulatorRequest,
  type EmulatorResponse,
  type FaultOptions,
  FaultQueue,
  generateTestCertificates,
  type LoopbackServer,
  type LoopbackServerOptions,
  mountOnNock,
  type NockLike,
  type NockMountOptions,
  RequestLog,
  startLoopbackServer,
  type TestCertificateOptions,
  type TestCertificates,
} from './emulator/index';
// Infisical emulator
export {
  createInfisicalEmulatorHandler,
  type EmulatedAccessToken,
  type InfisicalEmulator,
  type InfisicalEmulatorDenial,
  type InfisicalEmulatorHandle,
  type InfisicalEmulatorIdentity,
  type InfisicalEmulatorLocation,
  type InfisicalEmulatorOptions,
  type InfisicalEmulatorProject,
  type InfisicalEmulatorSecret,
  type InfisicalEmulatorState,
  InfisicalEmulatorStore,
  infisicalErrorResponse,
  infisicalRateLimitFault,
  mountInfisicalEmulatorOnNock,
  type NockInfisicalEmulator,
  normalizeFolderPath,
  startInfisicalEmulator,
  type TokenCheck,
} from './infisical/index';
// Reference in-memory provider (type `memory`), for resolver tests, examples and the suite
export {
  createMemoryProvider,
  createMemoryStore,
  MEMORY_PROVIDER_TYPE,
  type MemoryConfig,
  type MemoryFault,
  type MemoryFaultOptions,
  type MemoryOperation,
  type MemorySecretSeed,
  type MemoryStore,
  type MemoryStoreOptions,
  type MemoryStoreRequest,
  memoryProvider,
} from './memory-provider/index';
// Vault emulator
export {
  mountVaultEmulatorOnNock,
  startVaultEmulator,
  type VaultEmulator,
  type VaultEmulatorOperation,
  type VaultEmulatorOptions,
  type VaultEmulatorStateOptions,
  type VaultKvOptions,
  type VaultPolicyRules,
  type VaultRoleOptions,
} from './vault/index';

// The public API of @fromsecret/vault.
export type { VaultConfig, VaultConfigInput } from './vault-config';
export { createVaultProvider, provider } from './vault-provider';

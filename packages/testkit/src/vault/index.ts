export {
  mountVaultEmulatorOnNock,
  startVaultEmulator,
  type VaultEmulator,
  type VaultEmulatorOptions,
} from './vault-emulator';
export type { VaultEmulatorOperation } from './vault-emulator-handler';
export type {
  VaultEmulatorStateOptions,
  VaultKvOptions,
  VaultRoleOptions,
} from './vault-emulator-state';
export type { VaultPolicyRules } from './vault-policy';

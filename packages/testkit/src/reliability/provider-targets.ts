import { startAzureKeyVaultTarget } from './azure-key-vault-target';
import { startInfisicalTarget } from './infisical-target';
import { startVaultTarget } from './vault-target';

/** Every target, by type, for `describe.each`. */
export const TARGETS = [
  { type: 'vault', start: startVaultTarget },
  { type: 'azure_key_vault', start: startAzureKeyVaultTarget },
  { type: 'infisical', start: startInfisicalTarget },
] as const;

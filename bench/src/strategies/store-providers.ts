import {
  type AzureKeyVaultConfigInput,
  createAzureKeyVaultDefinition,
  createAzureKeyVaultProvider,
} from '@fromsecret/azure-key-vault';
import {
  createProviderRegistry,
  type Integration,
  type ProviderRegistry,
  type SecretProvider,
} from '@fromsecret/core';
import {
  createInfisicalProvider,
  type InfisicalConfigInput,
  provider as infisical,
} from '@fromsecret/infisical';
import { createVaultProvider, type VaultConfigInput, provider as vault } from '@fromsecret/vault';
import type { EmulatorEndpoints } from '../emulators/emulator-protocol';

/**
 * A provider for one integration, made with the provider package's public factory, as a
 * library user who does not use the resolver would make it.
 */
export function createStoreProvider(
  integration: Integration,
  endpoints: EmulatorEndpoints,
): SecretProvider {
  switch (integration.type) {
    case 'vault':
      return createVaultProvider(integration.config as VaultConfigInput);
    case 'azure_key_vault':
      return createAzureKeyVaultProvider(integration.config as AzureKeyVaultConfigInput, {
        emulator: azureEmulatorConnection(endpoints),
      });
    case 'infisical':
      return createInfisicalProvider(integration.config as InfisicalConfigInput);
    default:
      throw new Error(`The benchmark has no store of type ${JSON.stringify(integration.type)}.`);
  }
}

/** The registry fromsecret's resolver uses: the three providers, Azure's pointed at the emulator. */
export function benchRegistry(endpoints: EmulatorEndpoints): ProviderRegistry {
  const azure = createAzureKeyVaultDefinition({ emulator: azureEmulatorConnection(endpoints) });
  return createProviderRegistry({ providers: [vault, azure, infisical] });
}

/**
 * The Azure Key Vault emulator's CA, and the emulator standing at Entra ID's public host
 * (decision 0511), so that a fresh provider makes the requests it makes against Azure.
 */
function azureEmulatorConnection(endpoints: EmulatorEndpoints) {
  const azure = endpoints.azure_key_vault;
  return { caCert: azure.caCert, entraOrigin: azure.authorityHost };
}

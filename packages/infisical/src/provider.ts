import {
  createProviderContext,
  type ProviderContext,
  type ProviderDefinition,
  type SecretProvider,
} from '@fromsecret/core';
import { InfisicalClient } from './infisical-client';
import {
  INFISICAL_TYPE,
  type InfisicalConfig,
  type InfisicalConfigInput,
  infisicalFields,
  parseInfisicalConfig,
} from './infisical-config';
import { InfisicalSecretProvider } from './infisical-provider';

/**
 * The Infisical provider (type `infisical`): Universal Auth machine identities, one secret
 * value per reference (`key: value`), integer versions.
 */
export const provider: ProviderDefinition<InfisicalConfig> = Object.freeze({
  specificationVersion: 'v1',
  type: INFISICAL_TYPE,
  displayName: 'Infisical',
  fields: infisicalFields,
  parseConfig: parseInfisicalConfig,
  create(config: InfisicalConfig, context: ProviderContext): SecretProvider {
    const client = new InfisicalClient({
      siteUrl: config.siteUrl,
      ...(config.caCert === undefined ? {} : { caCert: config.caCert }),
    });
    return new InfisicalSecretProvider(config, context, client);
  },
});

/**
 * Validates `config` and builds an Infisical provider without a registry, for scripts and
 * tests. Throws `INVALID_CONFIG` listing every problem; does no I/O.
 */
export function createInfisicalProvider(
  config: InfisicalConfigInput,
  context: Partial<ProviderContext> = {},
): SecretProvider {
  return provider.create(provider.parseConfig(config), createProviderContext(context));
}

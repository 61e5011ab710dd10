import {
  createMemoryIntegrationStore,
  createProviderRegistry,
  createSecretResolver,
  type SecretResolver,
} from '@fromsecret/core';
import type { AzureKeyVaultConfigInput } from '../azure-key-vault-config';
import { createAzureKeyVaultDefinition } from '../azure-key-vault-definition';
import { type EmulatorFixture, startEmulatorFixture } from './emulator-fixture';

/** The pipeline context the test integration allows. */
export const access = { repo: 'acme/app' } as const;

/** A reference of the test integration. */
export interface TestReference {
  path: string;
  key?: string;
  version?: number | string;
}

/** An emulator and core's resolver with one `azure_key_vault` integration pointed at it. */
export interface ResolverFixture extends EmulatorFixture {
  resolver: SecretResolver;
}

/**
 * Starts an emulator and a resolver whose registry holds the Azure Key Vault definition with
 * the emulator's CA, and whose integration `azure-prod` has `config` (the emulator's settings,
 * with `overrides`).
 */
export async function startResolverFixture(
  options: Parameters<typeof startEmulatorFixture>[0] = {},
  overrides: Partial<AzureKeyVaultConfigInput> = {},
): Promise<ResolverFixture> {
  const fixture = await startEmulatorFixture(options);
  const registry = createProviderRegistry({
    providers: [createAzureKeyVaultDefinition({ emulator: { caCert: fixture.emulator.caCert } })],
  });
  const integrations = createMemoryIntegrationStore([
    {
      id: 1,
      name: 'azure-prod',
      type: 'azure_key_vault',
      config: { ...fixture.config, ...overrides },
      allow: { users: [], orgs: [], repos: [access.repo] },
    },
  ]);
  const resolver = createSecretResolver({ registry, integrations, logger: fixture.logger });
  return {
    ...fixture,
    resolver,
    async close() {
      await resolver.close();
      await fixture.close();
    },
  };
}

/** A one-step pipeline whose environment variables reference the test integration. */
export function pipelineWith(variables: Record<string, TestReference>): {
  steps: { name: string; image: string; environment: Record<string, unknown> }[];
} {
  const environment: Record<string, unknown> = {};
  for (const [name, reference] of Object.entries(variables)) {
    environment[name] = {
      from_secret: { integration: 'azure-prod', key: 'value', ...reference },
    };
  }
  return { steps: [{ name: 'deploy', image: 'alpine', environment }] };
}

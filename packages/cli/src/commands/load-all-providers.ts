import type { ProviderDefinition, ProviderRegistry } from '@fromsecret/core';
import type { CommandContext } from '../command-spec';
import { loadIntegrationTypes } from '../files/load-integrations';
import { flattenProblems } from '../output/flatten-problems';
import type { Problem } from '../problems-found';
import { providerPackageFlags } from '../registry/provider-packages';

/** Every provider the registry knows, loaded, and every type that failed to load. */
export interface LoadedProviders {
  definitions: ProviderDefinition[];
  /** `PROVIDER_NOT_INSTALLED`, `INVALID_PROVIDER` and the like, one per failing type. */
  problems: Problem[];
}

/**
 * Loads the providers `fromsecret providers` and `schema` list: the built-in and registered
 * types, those `--provider-package` and the integrations file's `providers` map name, and
 * every type the `--integrations` file uses. A type the file uses that does not load is thrown
 * as a problem at its place in the file.
 */
export async function loadListedProviders(context: CommandContext): Promise<LoadedProviders> {
  const { values, cwd, environment, createRegistry } = context;
  const providerPackages = providerPackageFlags(values);
  const registry =
    typeof values.integrations === 'string'
      ? await loadIntegrationTypes(values.integrations, {
          cwd,
          environment,
          providerPackages,
          createRegistry,
        })
      : createRegistry(providerPackages);
  return loadAllProviders(registry);
}

/** Loads every type the registry knows (registered, loaded, built in, mapped), by type. */
export async function loadAllProviders(registry: ProviderRegistry): Promise<LoadedProviders> {
  const definitions: ProviderDefinition[] = [];
  const problems: Problem[] = [];
  for (const type of registry.types()) {
    try {
      definitions.push(await registry.load(type));
    } catch (error) {
      problems.push(...flattenProblems(error));
    }
  }
  return { definitions, problems };
}

import type { ProviderDefinition, ProviderRegistry } from '@fromsecret/core';
import { flattenProblems } from '../output/flatten-problems';
import type { Problem } from '../problems-found';

/** Every provider the registry knows, loaded, and every type that failed to load. */
export interface LoadedProviders {
  definitions: ProviderDefinition[];
  /** `PROVIDER_NOT_INSTALLED`, `INVALID_PROVIDER` and the like, one per failing type. */
  problems: Problem[];
}

/** Loads every type the registry knows (registered, built in, mapped), sorted by type. */
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

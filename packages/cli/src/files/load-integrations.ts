import { type Integration, type ProviderRegistry, SecretError } from '@fromsecret/core';
import { ProblemsFound } from '../problems-found';
import { mergeProviderPackages, type ProviderPackages } from '../registry/provider-packages';
import { checkIntegrationConfigs } from './check-integration-configs';
import { type IntegrationEntry, parseIntegrationsFile } from './integrations-file';
import { loadYamlFile } from './load-yaml-file';
import { locateProblems } from './locate-problems';
import type { PointerProblem } from './pointer-problem';
import { readInputFile } from './read-input-file';
import type { Environment } from './substitute-environment';
import type { YamlSource } from './yaml-positions';

/** Integrations read from a file, ready for `createMemoryIntegrationStore`. */
export interface LoadedIntegrations {
  integrations: Integration[];
  /** Every `secret: true` setting's value: never printed, masked wherever it could appear. */
  credentials: string[];
  /** The registry, with the file's `providers` map and `--provider-package` as `packages`. */
  registry: ProviderRegistry;
}

/** Where {@link loadIntegrations} reads from. */
export interface LoadIntegrationsOptions {
  cwd: string;
  environment: Environment;
  /** The `--provider-package` entries, joined with the file's `providers` map. */
  providerPackages: ProviderPackages;
  /** Creates the registry once the file's `providers` map is known. */
  createRegistry(packages: ProviderPackages): ProviderRegistry;
}

/**
 * Reads and checks an integrations file (`--integrations`): YAML, `${NAME}` substitution, the
 * file's shape and every integration's settings. Throws {@link ProblemsFound} listing every
 * problem with its `file:line:column`.
 */
export async function loadIntegrations(
  file: string,
  options: LoadIntegrationsOptions,
): Promise<LoadedIntegrations> {
  const read = await readIntegrations(file, options, 'substitute');
  const checked = await checkIntegrationConfigs(read.integrations, read.registry);
  const problems = [...read.problems, ...checked.problems];
  if (problems.length > 0) throw new ProblemsFound(locateProblems(read.source, problems));
  const integrations = read.integrations.map(
    ({ id, name, type, config, allow }): Integration => ({ id, name, type, config, allow }),
  );
  return { integrations, credentials: checked.credentials, registry: read.registry };
}

/**
 * Reads an integrations file for `fromsecret providers` and `schema`: its shape and `providers`
 * map, and loads the provider of every type it uses, without reading any setting (so no
 * credential needs to be in the environment). Returns the registry, which then knows those
 * types; throws {@link ProblemsFound} like {@link loadIntegrations}.
 */
export async function loadIntegrationTypes(
  file: string,
  options: LoadIntegrationsOptions,
): Promise<ProviderRegistry> {
  const read = await readIntegrations(file, options, 'ignore');
  const loaded = await loadTypes(read.integrations, read.registry);
  const problems = [...read.problems, ...loaded];
  if (problems.length > 0) throw new ProblemsFound(locateProblems(read.source, problems));
  return read.registry;
}

interface ReadIntegrations {
  source: YamlSource;
  integrations: IntegrationEntry[];
  registry: ProviderRegistry;
  problems: PointerProblem[];
}

async function readIntegrations(
  file: string,
  options: LoadIntegrationsOptions,
  settings: 'substitute' | 'ignore',
): Promise<ReadIntegrations> {
  const input = await readInputFile(file, options.cwd, 'integrations file');
  const { source, value } = loadYamlFile(input, 'integrations file');
  const parsed = parseIntegrationsFile(value, options.environment, { settings });
  const merged = mergeProviderPackages(parsed.providers, options.providerPackages);
  const registry = options.createRegistry(merged.packages);
  const problems = [...parsed.problems, ...merged.problems];
  return { source, integrations: parsed.integrations, registry, problems };
}

/** Loads each type the integrations use once; a failure is reported at its first use. */
async function loadTypes(
  integrations: readonly IntegrationEntry[],
  registry: ProviderRegistry,
): Promise<PointerProblem[]> {
  const problems: PointerProblem[] = [];
  const seen = new Set<string>();
  for (const entry of integrations) {
    if (seen.has(entry.type)) continue;
    seen.add(entry.type);
    try {
      await registry.load(entry.type);
    } catch (error) {
      // The registry documents that load() throws only SecretErrors; anything else is a bug.
      if (!SecretError.isInstance(error)) throw error;
      const integration = { id: entry.id, name: entry.name, type: entry.type };
      problems.push({ pointer: `${entry.pointer}/type`, error: error.with({ integration }) });
    }
  }
  return problems;
}

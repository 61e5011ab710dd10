import type { Integration, ProviderRegistry } from '@fromsecret/core';
import { ProblemsFound } from '../problems-found';
import { checkIntegrationConfigs } from './check-integration-configs';
import { parseIntegrationsFile } from './integrations-file';
import { loadYamlFile } from './load-yaml-file';
import { locateProblems } from './locate-problems';
import { readInputFile } from './read-input-file';
import type { Environment } from './substitute-environment';

/** Integrations read from a file, ready for `createMemoryIntegrationStore`. */
export interface LoadedIntegrations {
  integrations: Integration[];
  /** Every `secret: true` setting's value: never printed, masked wherever it could appear. */
  credentials: string[];
}

/** Where {@link loadIntegrations} reads from. */
export interface LoadIntegrationsOptions {
  cwd: string;
  environment: Environment;
  registry: ProviderRegistry;
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
  const input = await readInputFile(file, options.cwd, 'integrations file');
  const { source, value } = loadYamlFile(input, 'integrations file');
  const parsed = parseIntegrationsFile(value, options.environment);
  const checked = await checkIntegrationConfigs(parsed.integrations, options.registry);
  const problems = [...parsed.problems, ...checked.problems];
  if (problems.length > 0) throw new ProblemsFound(locateProblems(source, problems));
  const integrations = parsed.integrations.map(
    ({ id, name, type, config, allow }): Integration => ({ id, name, type, config, allow }),
  );
  return { integrations, credentials: checked.credentials };
}

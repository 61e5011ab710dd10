import {
  type ProviderDefinition,
  type ProviderRegistry,
  SecretError,
  sanitizeCause,
  secretSettingValues,
} from '@fromsecret/core';
import type { IntegrationEntry } from './integrations-file';
import type { PointerProblem } from './pointer-problem';

/** The outcome of {@link checkIntegrationConfigs}. */
export interface IntegrationConfigsResult {
  /** Every provider type that failed to load, and every config its provider rejected. */
  problems: PointerProblem[];
  /** The values of every `secret: true` setting, so that no output can ever show one. */
  credentials: string[];
}

/**
 * Loads each integration's provider through the registry and checks its `config` with the
 * provider's `parseConfig`, without I/O, so that a misspelt setting is reported with its place
 * in the file before anything is resolved or tested.
 */
export async function checkIntegrationConfigs(
  integrations: readonly IntegrationEntry[],
  registry: ProviderRegistry,
): Promise<IntegrationConfigsResult> {
  const problems: PointerProblem[] = [];
  const credentials: string[] = [];
  for (const entry of integrations) {
    const integration = { id: entry.id, name: entry.name, type: entry.type };
    let definition: ProviderDefinition;
    try {
      definition = await registry.load(entry.type);
    } catch (error) {
      problems.push({
        pointer: `${entry.pointer}/type`,
        error: asSecretError(error).with({ integration }),
      });
      continue;
    }
    credentials.push(...secretSettingValues(definition.fields, entry.config));
    try {
      definition.parseConfig(entry.config);
    } catch (error) {
      const failure = SecretError.isInstance(error)
        ? error
        : misbehavingProvider(entry.type, error);
      problems.push({ pointer: `${entry.pointer}/config`, error: failure.with({ integration }) });
    }
  }
  return { problems, credentials };
}

function asSecretError(error: unknown): SecretError {
  // The registry documents that load() throws only SecretErrors; anything else is a bug.
  if (SecretError.isInstance(error)) return error;
  throw error;
}

/** A provider whose parseConfig threw something other than a SecretError broke the contract. */
function misbehavingProvider(type: string, error: unknown): SecretError {
  const cause = sanitizeCause(error);
  return new SecretError({
    code: 'INVALID_PROVIDER',
    message: `The ${type} provider's parseConfig threw ${cause.name} instead of an INVALID_CONFIG SecretError; report this to the provider's authors.`,
    cause,
  });
}

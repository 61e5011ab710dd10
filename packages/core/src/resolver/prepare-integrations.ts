import { secretSettingValues } from '../config/secret-setting-values';
import { SecretError } from '../errors/secret-error';
import { checkAccess } from '../integrations/check-access';
import type { AccessContext, Integration, IntegrationStore } from '../integrations/integration';
import { integrationProblems } from '../integrations/integration-problems';
import type { ProviderRegistry } from '../registry/create-provider-registry';
import type { ProviderCache, ProviderLease } from './provider-cache';
import type { UsedIntegration } from './read-group';
import { raceAbort } from './resolution-deadline';
import { asSecretError } from './scrub-error';

/** What preparing integrations needs. */
export interface PrepareOptions {
  integrations: IntegrationStore;
  registry: ProviderRegistry;
  providers: ProviderCache;
  context: AccessContext;
  signal: AbortSignal;
  /** Receives each leased provider, to release when the resolution ends. */
  leases: ProviderLease[];
  /** Receives each integration's `secret: true` setting values, for scrubbing. */
  secretSettings: string[];
}

/**
 * Looks up each distinct integration a pipeline names (in parallel), checks its allowlists,
 * loads its provider type and gets its provider from the cache. Returns, per id or name as
 * written, the integration ready to read or the error that stops it; it throws only when
 * the deadline passes or the caller cancels. No secret is read.
 */
export async function prepareIntegrations(
  integrationReferences: ReadonlyArray<number | string>,
  options: PrepareOptions,
): Promise<Map<number | string, UsedIntegration | SecretError>> {
  const distinct = [...new Set(integrationReferences)];
  const prepared = await Promise.all(distinct.map((idOrName) => prepareOne(idOrName, options)));
  return new Map(distinct.map((idOrName, index) => [idOrName, prepared[index]!]));
}

async function prepareOne(
  idOrName: number | string,
  options: PrepareOptions,
): Promise<UsedIntegration | SecretError> {
  let integration: Integration | undefined;
  try {
    integration = await lookUp(idOrName, options);
    checkAccess(integration, options.context);
    const definition = await raceAbort(options.registry.load(integration.type), options.signal);
    options.secretSettings.push(...secretSettingValues(definition.fields, integration.config));
    const lease = options.providers.acquire(integration, definition);
    options.leases.push(lease);
    return { integration, descriptor: describe(integration), provider: lease.provider };
  } catch (error) {
    if (options.signal.aborted) throw error;
    const doing =
      integration === undefined
        ? `Looking up integration ${JSON.stringify(idOrName)}`
        : `Setting up the ${integration.type} provider of integration ${JSON.stringify(integration.name)}`;
    const culprit = integration === undefined ? 'integration store' : 'provider';
    const failure = asSecretError(error, doing, options.secretSettings, culprit);
    return integration === undefined
      ? failure
      : failure.with({ integration: describe(integration) });
  }
}

async function lookUp(idOrName: number | string, options: PrepareOptions): Promise<Integration> {
  const found = await raceAbort(options.integrations.get(idOrName), options.signal);
  // A host's store is outside our control; a malformed row must not reach checkAccess.
  const problems = integrationProblems(found);
  if (problems.length > 0) {
    throw new SecretError({
      code: 'INVALID_CONFIG',
      message: `The integration store returned an invalid integration for ${JSON.stringify(idOrName)}: ${problems.join('; ')}. Fix it where the integrations are stored.`,
      issues: problems,
    });
  }
  return found;
}

/** The integration part of an error's or a record's context. */
export function describe(integration: Integration): UsedIntegration['descriptor'] {
  return { id: integration.id, name: integration.name, type: integration.type };
}

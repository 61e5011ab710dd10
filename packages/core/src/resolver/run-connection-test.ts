import { secretSettingValues } from '../config/secret-setting-values';
import type { IntegrationDescriptor, SecretError } from '../errors/secret-error';
import type { IntegrationStore } from '../integrations/integration';
import type { ProviderRegistry } from '../registry/create-provider-registry';
import type { Logger } from '../spec/v1/logger';
import type { ProviderContext } from '../spec/v1/provider-context';
import type { SecretProvider } from '../spec/v1/secret-provider';
import { describe } from './prepare-integrations';
import { closeProvider } from './provider-cache';
import { createRedactingLogger } from './redacting-logger';
import { type ResolutionDeadline, raceAbort } from './resolution-deadline';
import { type RetryPolicy, withRetries } from './retry-policy';
import { asSecretError, scrubError } from './scrub-error';
import type { TestConnectionResult } from './secret-resolver';

/** What a connection test needs. */
export interface ConnectionTestOptions {
  integrations: IntegrationStore;
  registry: ProviderRegistry;
  providerContext: ProviderContext;
  deadline: ResolutionDeadline;
  policy: RetryPolicy;
  logger: Logger;
}

/**
 * Tests one integration with a provider of its own, created from the current settings and
 * closed afterwards, so that a cached token cannot hide credentials that no longer work.
 * Every failure, the store's included, becomes `{ ok: false }` with a scrubbed error.
 */
export async function runConnectionTest(
  idOrName: number | string,
  options: ConnectionTestOptions,
): Promise<TestConnectionResult> {
  const started = performance.now();
  const { signal } = options.deadline;
  const secrets: string[] = [];
  let integration: IntegrationDescriptor =
    typeof idOrName === 'number' ? { id: idOrName } : { name: String(idOrName) };
  let provider: SecretProvider | undefined;
  try {
    const found = await raceAbort(options.integrations.get(idOrName), signal);
    integration = describe(found);
    const definition = await raceAbort(options.registry.load(found.type), signal);
    secrets.push(...secretSettingValues(definition.fields, found.config));
    provider = definition.create(definition.parseConfig(found.config), {
      ...options.providerContext,
      logger: createRedactingLogger(options.providerContext.logger, secrets),
    });
    const tested = provider;
    await withRetries(() => raceAbort(tested.testConnection({ signal }), signal), {
      policy: options.policy,
      signal,
      remainingMs: options.deadline.remainingMs,
    });
    const durationMs = Math.round(performance.now() - started);
    options.logger.info('fromsecret: connection test succeeded', {
      integration: integration.name,
      durationMs,
    });
    return { ok: true, message: 'Connection test successful', durationMs };
  } catch (caught) {
    const error = failure(caught, integration, secrets, options.deadline);
    options.logger.info('fromsecret: connection test failed', {
      integration: integration.name ?? integration.id,
      code: error.code,
      durationMs: Math.round(performance.now() - started),
    });
    return { ok: false, error, message: error.message };
  } finally {
    if (provider !== undefined) await closeAfterTest(provider, integration, options);
  }
}

function failure(
  caught: unknown,
  integration: IntegrationDescriptor,
  secrets: readonly string[],
  deadline: ResolutionDeadline,
): SecretError {
  const error = deadline.signal.aborted
    ? deadline.abortError()
    : asSecretError(
        caught,
        `Testing the connection of integration ${JSON.stringify(integration.name ?? integration.id)}`,
        secrets,
      );
  return scrubError(error.with({ integration: { ...error.integration, ...integration } }), secrets);
}

async function closeAfterTest(
  provider: SecretProvider,
  integration: IntegrationDescriptor,
  options: ConnectionTestOptions,
): Promise<void> {
  // The test's verdict is already made; a failed close is worth a warning, not a new verdict.
  await raceAbort(closeProvider(provider), AbortSignal.timeout(5_000)).catch((error: unknown) =>
    options.logger.warn('fromsecret: closing the connection-test provider failed', {
      integration: integration.name,
      code: (error as { code?: unknown }).code,
    }),
  );
}

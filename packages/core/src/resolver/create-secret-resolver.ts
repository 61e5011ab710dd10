import { SecretError } from '../errors/secret-error';
import type { Integration } from '../integrations/integration';
import { silentLogger } from '../spec/v1/logger';
import type { ProviderContext } from '../spec/v1/provider-context';
import { checkResolverOptions } from './check-resolver-options';
import { createProviderCache } from './provider-cache';
import { createResolutionDeadline } from './resolution-deadline';
import { resolvePipeline } from './resolve-pipeline';
import { DEFAULT_RETRY_POLICY } from './retry-policy';
import { runConnectionTest } from './run-connection-test';
import type { SecretResolver, SecretResolverOptions } from './secret-resolver';

/**
 * Creates a {@link SecretResolver}. It keeps one provider per integration (so one login per
 * token lifetime, shared by concurrent resolutions), reads values fresh every time (values
 * are never cached), and must be closed when the host shuts down.
 */
export function createSecretResolver(options: SecretResolverOptions): SecretResolver {
  const { concurrency, timeoutMs } = checkResolverOptions(options);
  const logger = options.logger ?? silentLogger;
  const providerContext: ProviderContext = { logger, now: options.now ?? Date.now };
  const providers = createProviderCache(providerContext, (integration: Integration, error) =>
    logger.warn('fromsecret: closing a replaced provider failed', {
      integration: integration.name,
      code: (error as { code?: unknown })?.code,
    }),
  );
  const closeController = new AbortController();
  const active = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  const track = <T>(promise: Promise<T>): Promise<T> => {
    active.add(promise);
    promise.then(
      () => active.delete(promise),
      () => active.delete(promise),
    );
    return promise;
  };
  const deadline = (operation: string, callerSignal: AbortSignal | undefined) =>
    createResolutionDeadline({
      timeoutMs,
      callerSignal,
      closeSignal: closeController.signal,
      operation,
    });
  const dependencies = {
    registry: options.registry,
    integrations: options.integrations,
    internalSecrets: options.internalSecrets,
    providers,
    concurrency,
    policy: DEFAULT_RETRY_POLICY,
    logger,
    now: providerContext.now,
  };
  return {
    resolvePipeline(pipeline, context, resolveOptions = {}) {
      if (closing !== undefined) return Promise.reject(closedError());
      const limit = deadline("Resolving the pipeline's secrets", resolveOptions.signal);
      return track(resolvePipeline(pipeline, context ?? {}, limit, dependencies));
    },
    testConnection(idOrName, testOptions = {}) {
      if (closing !== undefined) {
        const error = closedError();
        return Promise.resolve({ ok: false, error, message: error.message });
      }
      const limit = deadline('The connection test', testOptions.signal);
      return track(
        runConnectionTest(idOrName, { ...dependencies, providerContext, deadline: limit }).finally(
          limit.dispose,
        ),
      );
    },
    close() {
      closing ??= (async () => {
        closeController.abort();
        await Promise.allSettled([...active]);
        await providers.close();
        logger.debug('fromsecret: resolver closed', {});
      })();
      return closing;
    },
  };
}

function closedError(): SecretError {
  return new SecretError({
    code: 'CANCELLED',
    message: 'The secret resolver has been closed; create a new one with createSecretResolver.',
  });
}

import type { Integration } from '../integrations/integration';
import { silentLogger } from '../spec/v1/logger';
import type { ProviderContext } from '../spec/v1/provider-context';
import { checkResolverOptions } from './check-resolver-options';
import { createProviderCache } from './provider-cache';
import { createResolutionDeadline } from './resolution-deadline';
import { type ResolutionDependencies, resolvePipeline } from './resolve-pipeline';
import { createResolverLifecycle } from './resolver-lifecycle';
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
      code: (error as { code?: unknown } | undefined)?.code,
    }),
  );
  const lifecycle = createResolverLifecycle();
  const deadline = (operation: string, callerSignal: AbortSignal | undefined) =>
    createResolutionDeadline({
      timeoutMs,
      callerSignal,
      closeSignal: lifecycle.closeSignal,
      operation,
    });
  const dependencies: ResolutionDependencies = {
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
      const closed = lifecycle.closedError();
      if (closed !== undefined) return Promise.reject(closed);
      const limit = deadline("Resolving the pipeline's secrets", resolveOptions.signal);
      return lifecycle.track(resolvePipeline(pipeline, context ?? {}, limit, dependencies));
    },
    testConnection(idOrName, testOptions = {}) {
      const closed = lifecycle.closedError();
      if (closed !== undefined)
        return Promise.resolve({ ok: false, error: closed, message: closed.message });
      const limit = deadline('The connection test', testOptions.signal);
      const test = runConnectionTest(idOrName, {
        ...dependencies,
        providerContext,
        deadline: limit,
      });
      return lifecycle.track(test.finally(limit.dispose));
    },
    close: () =>
      lifecycle.close(async () => {
        await providers.close();
        logger.debug('fromsecret: resolver closed', {});
      }),
  };
}

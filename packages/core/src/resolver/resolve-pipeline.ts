import type { SecretError } from '../errors/secret-error';
import type {
  AccessContext,
  IntegrationStore,
  InternalSecretStore,
} from '../integrations/integration';
import type { ProviderRegistry } from '../registry/create-provider-registry';
import type { Logger } from '../spec/v1/logger';
import { buildResolution } from './build-resolution';
import { failuresInOrder, fetchReads } from './fetch-reads';
import { planResolution } from './plan-resolution';
import type { ProviderCache, ProviderLease } from './provider-cache';
import type { ResolutionDeadline } from './resolution-deadline';
import { resolutionFailedError } from './resolution-failed-error';
import type { RetryPolicy } from './retry-policy';
import { scrubError } from './scrub-error';
import type { ResolutionResult } from './secret-resolver';

/** What one resolution needs from its resolver. */
export interface ResolutionDependencies {
  registry: ProviderRegistry;
  integrations: IntegrationStore;
  internalSecrets: InternalSecretStore | undefined;
  providers: ProviderCache;
  concurrency: number;
  policy: RetryPolicy;
  logger: Logger;
  now: () => number;
}

/**
 * One resolution: plan (no secret read), then read, then substitute. Fails with one
 * `RESOLUTION_FAILED` listing every failing reference, its messages scrubbed of every value
 * read and every secret setting; nothing partial ever leaves.
 */
export async function resolvePipeline<Pipeline>(
  pipeline: Pipeline,
  context: AccessContext,
  deadline: ResolutionDeadline,
  dependencies: ResolutionDependencies,
): Promise<ResolutionResult<Pipeline>> {
  const started = performance.now();
  const leases: ProviderLease[] = [];
  const secretSettings: string[] = [];
  const { logger } = dependencies;
  try {
    const planOptions = { ...dependencies, context, deadline, leases, secretSettings };
    const plan = await planResolution(pipeline, planOptions);
    if (plan.problems.length > 0) {
      throw failed('planning', plan.problems, secretSettings, logger, started);
    }
    logger.debug('fromsecret: resolution planned', {
      references: plan.references.length,
      reads: plan.reads.length,
      internalReads: plan.internalReads.length,
      integrations: leases.length,
      durationMs: elapsed(started),
    });
    const outcome = await fetchReads(plan, { ...dependencies, deadline, context });
    if (outcome.failures.length > 0) {
      const secrets = [...secretSettings, ...outcome.valuesRead];
      throw failed('reading', failuresInOrder(outcome), secrets, logger, started);
    }
    const result = buildResolution<Pipeline>(plan, outcome);
    logger.info('fromsecret: resolution succeeded', {
      references: plan.references.length,
      reads: plan.reads.length + plan.internalReads.length,
      durationMs: elapsed(started),
    });
    return result;
  } finally {
    deadline.dispose();
    for (const lease of leases) lease.release();
  }
}

/** Logs a failed resolution (codes and counts) and builds its scrubbed aggregate error. */
function failed(
  stage: 'planning' | 'reading',
  failures: readonly SecretError[],
  secrets: readonly string[],
  logger: Logger,
  started: number,
): SecretError {
  logger.info('fromsecret: resolution failed', {
    stage,
    failures: failures.length,
    codes: [...new Set(failures.map((failure) => failure.code))],
    durationMs: elapsed(started),
  });
  return scrubError(resolutionFailedError(stage, failures), secrets);
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

import {
  type AccessContext,
  createMemoryIntegrationStore,
  createMemorySecretStore,
  createProviderRegistry,
  createSecretResolver,
  SecretError,
  type SecretResolver,
} from '@fromsecret/core';
import { expect } from 'vitest';
import { type CapturingLogger, createCapturingLogger } from '../conformance/capturing-logger';
import { INTEGRATION_NAME, type ReliabilityTarget } from './reliability-target';

/** The access context every target's integration admits. */
export const ACME: AccessContext = { user: 'dev', org: 'acme', repo: 'acme/app' };

/** An internal secret next to the external one, so that a partial result would show. */
export const INTERNAL_VALUE = 'CANARY-RELIABILITY-INTERNAL-VALUE-8e2d';

/** A resolver whose only integration is the target's, and what it logged. */
export interface TargetResolver {
  resolver: SecretResolver;
  logger: CapturingLogger;
}

/** Options of {@link resolverFor}. */
export interface TargetResolverOptions {
  timeoutMs?: number;
  concurrency?: number;
}

/** A resolver for `target`, with a capturing logger and one internal secret `internal`. */
export function resolverFor(
  target: ReliabilityTarget,
  options: TargetResolverOptions = {},
): TargetResolver {
  const logger = createCapturingLogger();
  const resolver = createSecretResolver({
    registry: createProviderRegistry({ providers: [target.definition] }),
    integrations: createMemoryIntegrationStore([target.integration]),
    internalSecrets: createMemorySecretStore({ internal: INTERNAL_VALUE }),
    logger,
    ...options,
  });
  return { resolver, logger };
}

/** A one-step pipeline with the target's reference (`TARGET`) and an internal one (`INTERNAL`). */
export function pipelineFor(target: ReliabilityTarget, reference: object = target.reference) {
  return {
    steps: [
      {
        name: 'deploy',
        image: 'alpine',
        environment: {
          TARGET: { from_secret: { integration: INTEGRATION_NAME, ...reference } },
          INTERNAL: { from_secret: 'internal' },
        },
      },
    ],
  };
}

/**
 * Runs a resolution that must fail, and returns its aggregate error. A fulfilled promise
 * (a partial or made-up result) fails the test.
 */
export async function resolutionFailure(resolution: Promise<unknown>): Promise<SecretError> {
  const outcome = await resolution.then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  if ('result' in outcome) {
    expect.unreachable('the resolution should have failed, but it returned a result');
  }
  const { error } = outcome as { error: unknown };
  if (!SecretError.isInstance(error)) throw error;
  return error;
}

/** The codes of an aggregate's errors, or the error's own code when it is not an aggregate. */
export function failureCodes(error: SecretError): string[] {
  return (error.errors ?? [error]).map((each) => each.code);
}

import {
  createMemoryIntegrationStore,
  createProviderRegistry,
  createSecretResolver,
  type Logger,
  type ProviderDefinition,
  type SecretResolver,
} from '@fromsecret/core';

/** The integration name the suite's pipelines use. */
export const conformanceIntegration = 'conformance';

/** The pipeline context the suite's integration allows. */
export const conformanceAccess = { repo: 'conformance/suite' } as const;

/**
 * A resolver from core with only the provider under test registered and one integration for
 * the store, so that a test exercises the whole contract: planning, validateReference, read.
 */
export function createConformanceResolver(
  definition: ProviderDefinition<unknown>,
  config: unknown,
  logger: Logger,
): SecretResolver {
  const registry = createProviderRegistry({ providers: [definition] });
  const integrations = createMemoryIntegrationStore([
    {
      id: 1,
      name: conformanceIntegration,
      type: definition.type,
      config,
      allow: { users: [], orgs: [], repos: [conformanceAccess.repo] },
    },
  ]);
  return createSecretResolver({ registry, integrations, logger });
}

/** A one-step pipeline whose `VALUE` variable references `path` and `key` of the store. */
export function pipelineReferencing(path: string, key: string): unknown {
  return {
    steps: [
      {
        name: 'conformance',
        image: 'alpine',
        environment: {
          VALUE: { from_secret: { integration: conformanceIntegration, path, key } },
        },
      },
    ],
  };
}

/** The value the resolved pipeline of {@link pipelineReferencing} holds. */
export function resolvedValue(pipeline: unknown): unknown {
  const steps = (pipeline as { steps: { environment: Record<string, unknown> }[] }).steps;
  return steps[0]?.environment.VALUE;
}

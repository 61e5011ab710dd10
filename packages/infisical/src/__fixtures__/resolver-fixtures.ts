import {
  type AccessContext,
  createMemoryIntegrationStore,
  createProviderRegistry,
  createSecretResolver,
  type Integration,
  type Logger,
  SecretError,
  type SecretResolver,
} from '@fromsecret/core';
import { provider } from '../provider';

/** The pipeline's access context; every test integration allows the `acme` org. */
export const acme: AccessContext = { user: 'dev', org: 'acme', repo: 'acme/app' };

/** An Infisical integration allowing `acme`, under `id` and `name`. */
export function integration(id: number, name: string, config: unknown): Integration {
  return { id, name, type: 'infisical', config, allow: { users: [], orgs: ['acme'], repos: [] } };
}

/** A resolver with only the Infisical provider registered. */
export function resolverFor(
  integrations: Integration[],
  options: { logger?: Logger; now?: () => number } = {},
): SecretResolver {
  return createSecretResolver({
    registry: createProviderRegistry({ providers: [provider] }),
    integrations: createMemoryIntegrationStore(integrations),
    ...options,
  });
}

/** A one-step pipeline whose `environment` maps each name to a `from_secret` reference. */
export function pipelineOf(references: Record<string, Record<string, unknown>>) {
  const environment: Record<string, unknown> = {};
  for (const [name, reference] of Object.entries(references)) {
    environment[name] = { from_secret: reference };
  }
  return { steps: [{ name: 'deploy', image: 'alpine', environment }] };
}

/** The `RESOLUTION_FAILED` error a resolution rejected with. */
export async function resolutionFailure(promise: Promise<unknown>): Promise<SecretError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!SecretError.isInstance(error) || error.code !== 'RESOLUTION_FAILED') {
    throw new Error(`expected RESOLUTION_FAILED, got ${String(error)}`);
  }
  return error;
}

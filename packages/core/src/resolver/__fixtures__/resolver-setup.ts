import type { SecretError } from '../../errors/secret-error';
import { createMemoryIntegrationStore } from '../../integrations/create-memory-integration-store';
import { createMemorySecretStore } from '../../integrations/create-memory-secret-store';
import type { AccessContext, Integration } from '../../integrations/integration';
import { createProviderRegistry } from '../../registry/create-provider-registry';
import type { Logger } from '../../spec/v1/logger';
import { createSecretResolver } from '../create-secret-resolver';
import type { SecretResolver, SecretResolverOptions } from '../secret-resolver';
import { createFakeStore, type FakeStore } from './fake-store';

/** The `secret: true` setting of every test integration: must never leak. */
export const TOKEN_CANARY = 'CANARY-TOKEN-SETTING-91ab';

/** A pipeline context the test integrations admit. */
export const ADMITTED: AccessContext = { user: 'alice', org: 'acme', repo: 'acme/app' };

/** Two integrations of the fake type, both admitting the org `acme`. */
export function testIntegrations(): Integration[] {
  return [
    {
      id: 1,
      name: 'vault-prod',
      type: 'fake',
      config: { url: 'https://one.example', token: TOKEN_CANARY },
      allow: { users: [], orgs: ['acme'], repos: [] },
    },
    {
      id: 2,
      name: 'other-store',
      type: 'fake',
      config: { url: 'https://two.example', token: TOKEN_CANARY },
      allow: { users: [], orgs: ['acme'], repos: [] },
    },
  ];
}

/** Log lines captured by {@link setUp}, as JSON text, to search for leaks. */
export interface CapturedLog {
  lines: string[];
  logger: Logger;
}

/** A logger that keeps every line. */
export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (message: string, fields?: object): void => {
      lines.push(JSON.stringify({ level, message, fields }));
    };
  return {
    lines,
    logger: { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') },
  };
}

/** A resolver over a fake store, with internal secrets and a captured log. */
export function setUp(
  options: Partial<SecretResolverOptions> & { integrationList?: Integration[] } = {},
): { resolver: SecretResolver; store: FakeStore; log: CapturedLog } {
  const store = createFakeStore();
  const log = captureLog();
  const resolver = createSecretResolver({
    registry: createProviderRegistry({
      providers: [store.definition],
      importModule: async (specifier) => {
        throw Object.assign(new Error(`Cannot find package '${specifier}'`), {
          code: 'ERR_MODULE_NOT_FOUND',
        });
      },
    }),
    integrations: createMemoryIntegrationStore(options.integrationList ?? testIntegrations()),
    internalSecrets: createMemorySecretStore({ my_token: 'CANARY-INTERNAL-VALUE-33' }),
    logger: log.logger,
    ...options,
  });
  return { resolver, store, log };
}

/** A step with environment variables that are references. */
export function pipelineOf(
  environment: Record<string, unknown>,
  settings?: Record<string, unknown>,
): unknown {
  const step: Record<string, unknown> = { name: 'deploy', image: 'alpine', environment };
  if (settings !== undefined) step.settings = settings;
  return { steps: [step] };
}

/** An external reference through integration `integration`. */
export function external(
  path: string,
  key: string,
  version?: number | string,
  integration: number | string = 'vault-prod',
): { from_secret: Record<string, unknown> } {
  const from_secret: Record<string, unknown> = { integration, path, key };
  if (version !== undefined) from_secret.version = version;
  return { from_secret };
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<SecretError> {
  const outcome = await promise.then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error('expected a rejection, but the promise resolved');
  return outcome.error as SecretError;
}

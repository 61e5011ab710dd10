import { SecretError } from '../errors/secret-error';
import { checkIntegrations } from './check-integrations';
import { foldAsciiCase } from './fold-ascii-case';
import type { Integration, IntegrationStore } from './integration';
import { integrationNotFoundError } from './integration-not-found-error';

/**
 * An {@link IntegrationStore} over a fixed list, for the CLI, tests and small hosts. Every
 * integration is checked up front and every problem reported in one `INVALID_CONFIG` error.
 * The store keeps frozen copies, so changing the caller's objects later cannot slip past the
 * checks.
 */
export function createMemoryIntegrationStore(
  integrations: readonly Integration[],
): IntegrationStore {
  const stored = checkIntegrations(integrations).map(freezeCopy);
  const byId = new Map(stored.map((integration) => [integration.id, integration]));
  const byName = new Map(
    stored.map((integration) => [foldAsciiCase(integration.name), integration]),
  );
  return {
    async get(idOrName) {
      const found =
        typeof idOrName === 'number'
          ? byId.get(idOrName)
          : typeof idOrName === 'string'
            ? byName.get(foldAsciiCase(idOrName))
            : undefined;
      if (found === undefined) throw integrationNotFoundError(idOrName);
      return found;
    },
    async list() {
      return [...stored];
    },
  };
}

function freezeCopy(integration: Integration, index: number): Integration {
  let config: unknown;
  try {
    config = structuredClone(integration.config);
  } catch {
    throw new SecretError({
      code: 'INVALID_CONFIG',
      message: `The integrations are invalid (1 issue); fix them where the integrations are defined:\n  - integration #${index + 1} (${JSON.stringify(integration.name)}): config must be plain data (objects, lists, strings, numbers, booleans)`,
      issues: [`integration #${index + 1}: config must be plain data`],
    });
  }
  const { users, orgs, repos, forks } = integration.allow;
  return deepFreeze({
    id: integration.id,
    name: integration.name,
    type: integration.type,
    config,
    allow: { users: [...users], orgs: [...orgs], repos: [...repos], forks: forks === true },
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

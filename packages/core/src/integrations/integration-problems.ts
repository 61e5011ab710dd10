import { isProviderType } from '../registry/provider-type';
import { isAccountName, isRepositoryName } from './allowlist-entry';
import { isIntegrationName } from './integration-name';

/**
 * Every problem of one integration definition, each naming the field and how to fix it. The
 * config is left to the provider's `parseConfig`; its values are never quoted.
 */
export function integrationProblems(candidate: unknown): string[] {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return ['must be an object with id, name, type, config and allow'];
  }
  const { id, name, type, allow } = candidate as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    problems.push('id must be a positive whole number');
  }
  if (!isIntegrationName(name)) {
    problems.push('name must be 1-64 of the characters A-Z a-z 0-9 . _ -');
  }
  if (!isProviderType(type)) {
    problems.push(
      'type must be a provider type such as vault (a lower-case letter, then lower-case letters, digits or _)',
    );
  }
  problems.push(...allowlistProblems(allow));
  return problems;
}

function allowlistProblems(allow: unknown): string[] {
  if (typeof allow !== 'object' || allow === null || Array.isArray(allow)) {
    return [
      'allow must be an object { users: [], orgs: [], repos: [] } (empty lists admit nobody)',
    ];
  }
  const lists = allow as Record<string, unknown>;
  const problems: string[] = [];
  for (const [list, valid, form] of [
    ['users', isAccountName, 'a user name'],
    ['orgs', isAccountName, 'an org name'],
    ['repos', isRepositoryName, 'exactly owner/name'],
  ] as const) {
    const entries = lists[list];
    if (!Array.isArray(entries)) {
      problems.push(`allow.${list} must be a list (use [] to admit nobody by ${list})`);
      continue;
    }
    entries.forEach((entry, index) => {
      if (!valid(entry)) {
        problems.push(
          `allow.${list}[${index}] must be ${form}, without spaces, "*" or control characters (wildcards are not supported)`,
        );
      }
    });
  }
  if (lists.forks !== undefined && typeof lists.forks !== 'boolean') {
    problems.push('allow.forks must be true or false');
  }
  for (const key of Object.keys(lists)) {
    if (!['users', 'orgs', 'repos', 'forks'].includes(key)) {
      problems.push(`allow.${key} is not a setting; use users, orgs, repos and forks`);
    }
  }
  return problems;
}

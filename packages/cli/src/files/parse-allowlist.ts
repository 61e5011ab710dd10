import { isMapValue, unknownKeyProblems } from './check-keys';
import { type PointerProblem, pointerProblem } from './pointer-problem';

/** Who may use an integration (design §4). Empty lists admit nobody. */
export interface Allowlist {
  users: string[];
  orgs: string[];
  /** `owner/name` entries. */
  repos: string[];
  /** Whether pull requests from forks get secrets. @default false */
  forks: boolean;
}

const ALLOW_KEYS = ['users', 'orgs', 'repos', 'forks'] as const;
const REPOSITORY_PATTERN = /^[^/\s]+\/[^/\s]+$/;
const CODE = 'INVALID_INTEGRATIONS_FILE';

/**
 * Checks an integration's `allow` map, adding every problem to `problems`. Left out, it admits
 * nobody (deny by default); `undefined` is returned only when there were problems.
 */
export function parseAllowlist(
  value: unknown,
  pointer: string,
  problems: PointerProblem[],
): Allowlist | undefined {
  if (value === undefined) return { users: [], orgs: [], repos: [], forks: false };
  if (!isMapValue(value)) {
    problems.push(
      pointerProblem(
        pointer,
        CODE,
        '"allow" must be a map of users, orgs, repos (lists) and forks (true or false).',
      ),
    );
    return undefined;
  }
  const before = problems.length;
  problems.push(...unknownKeyProblems(value, ALLOW_KEYS, pointer, '"allow"', CODE));
  const users = nameList(value, 'users', pointer, problems);
  const orgs = nameList(value, 'orgs', pointer, problems);
  const repos = nameList(value, 'repos', pointer, problems);
  for (const [index, entry] of repos.entries()) {
    if (REPOSITORY_PATTERN.test(entry)) continue;
    problems.push(
      pointerProblem(
        `${pointer}/repos/${index}`,
        CODE,
        'Each entry of "allow.repos" is owner/name, for example acme/app.',
      ),
    );
  }
  const forks = value.forks ?? false;
  if (typeof forks !== 'boolean') {
    problems.push(pointerProblem(`${pointer}/forks`, CODE, '"allow.forks" must be true or false.'));
  }
  if (problems.length > before) return undefined;
  return { users, orgs, repos, forks: forks as boolean };
}

function nameList(
  allow: Record<string, unknown>,
  key: 'users' | 'orgs' | 'repos',
  pointer: string,
  problems: PointerProblem[],
): string[] {
  const entries = allow[key] ?? [];
  const valid =
    Array.isArray(entries) &&
    entries.every((entry) => typeof entry === 'string' && entry.trim() !== '');
  if (valid) return entries as string[];
  problems.push(
    pointerProblem(`${pointer}/${key}`, CODE, `"allow.${key}" must be a list of non-empty names.`),
  );
  return [];
}

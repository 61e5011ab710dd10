import { SecretError } from '../errors/secret-error';
import { foldAsciiCase } from './fold-ascii-case';
import type { Integration } from './integration';
import { integrationProblems } from './integration-problems';

/**
 * Validates a set of integrations, as a store holds them: each one's fields, allowlists and
 * the uniqueness of ids and names (without regard to case). Throws one `INVALID_CONFIG` error
 * whose `issues` list every problem of every integration.
 */
export function checkIntegrations(integrations: readonly unknown[]): Integration[] {
  if (!Array.isArray(integrations)) {
    throw invalidIntegrations(['integrations must be a list']);
  }
  const issues: string[] = [];
  const ids = new Map<unknown, number>();
  const names = new Map<string, number>();
  integrations.forEach((candidate, index) => {
    const label = describe(candidate, index);
    issues.push(...integrationProblems(candidate).map((problem) => `${label}: ${problem}`));
    const { id, name } = (candidate ?? {}) as { id?: unknown; name?: unknown };
    const sameId = ids.get(id);
    if (typeof id === 'number' && sameId !== undefined) {
      issues.push(`${label}: id ${id} is already used by integration #${sameId + 1}`);
    } else ids.set(id, index);
    if (typeof name !== 'string') return;
    const folded = foldAsciiCase(name);
    const sameName = names.get(folded);
    if (sameName !== undefined) {
      issues.push(
        `${label}: name ${JSON.stringify(name)} is already used by integration #${sameName + 1} (names are compared without regard to case)`,
      );
    } else names.set(folded, index);
  });
  if (issues.length > 0) throw invalidIntegrations(issues);
  return integrations as Integration[];
}

function describe(candidate: unknown, index: number): string {
  const name = (candidate as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.length <= 64
    ? `integration #${index + 1} (${JSON.stringify(name)})`
    : `integration #${index + 1}`;
}

function invalidIntegrations(issues: readonly string[]): SecretError {
  const list = issues.map((issue) => `  - ${issue}`).join('\n');
  return new SecretError({
    code: 'INVALID_CONFIG',
    message: `The integrations are invalid (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}); fix them where the integrations are defined:\n${list}`,
    issues,
  });
}

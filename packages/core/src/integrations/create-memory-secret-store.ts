import { SecretError } from '../errors/secret-error';
import { closestMatch } from '../suggest/closest-match';
import type { InternalSecretStore } from './integration';

/**
 * An {@link InternalSecretStore} over a fixed map of name to value, for string references
 * (`from_secret: my_token`). Names match exactly. The access context is not consulted: build
 * one store per repository when secrets differ between them. A missing name is
 * `SECRET_NOT_FOUND`, with the nearest existing name as a hint.
 */
export function createMemorySecretStore(
  values: Readonly<Record<string, string>>,
): InternalSecretStore {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw invalidSecrets(['internal secrets must be an object of name: value pairs']);
  }
  const issues: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (name.trim() === '' || name.trim() !== name) {
      issues.push(
        `secret name ${JSON.stringify(name)} must be non-empty, without surrounding spaces`,
      );
    }
    if (typeof value !== 'string') issues.push(`secret ${JSON.stringify(name)} must be a string`);
  }
  if (issues.length > 0) throw invalidSecrets(issues);
  const secrets = new Map(Object.entries(values));
  return {
    async get(name) {
      const value = secrets.get(name);
      if (value !== undefined) return value;
      const suggestion = closestMatch(String(name), [...secrets.keys()]);
      throw new SecretError({
        code: 'SECRET_NOT_FOUND',
        message: `No internal secret named ${JSON.stringify(name)} exists${
          suggestion === undefined ? '' : `; did you mean ${JSON.stringify(suggestion)}?`
        }. Add it to the CI server's secrets, or fix the name in from_secret.`,
      });
    },
  };
}

function invalidSecrets(issues: readonly string[]): SecretError {
  return new SecretError({
    code: 'INVALID_CONFIG',
    message: `The internal secrets are invalid: ${issues.join('; ')}.`,
    issues,
  });
}

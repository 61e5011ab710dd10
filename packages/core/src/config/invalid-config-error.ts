import { SecretError } from '../errors/secret-error';

/**
 * The one `INVALID_CONFIG` error a provider's `parseConfig` throws, listing every issue.
 */
export function invalidConfigError(providerType: string, issues: readonly string[]): SecretError {
  const list = issues.map((issue) => `  - ${issue}`).join('\n');
  return new SecretError({
    code: 'INVALID_CONFIG',
    message: `The ${providerType} integration's settings are invalid (${issues.length} ${
      issues.length === 1 ? 'issue' : 'issues'
    }); fix them in the integration's config:\n${list}`,
    issues,
  });
}

import { SecretError } from '../errors/secret-error';
import type { SecretData } from '../spec/v1/secret-provider';

/**
 * Checks what a provider's `read` returned: `values` a map of text, `version` text or absent.
 * A third-party provider that returns anything else fails with `PROVIDER_ERROR` naming the
 * key at fault, never its value; a non-text value must not be substituted as `[object Object]`.
 */
export function checkSecretData(data: unknown, source: string): SecretData {
  const problems: string[] = [];
  const values = (data as { values?: unknown } | null)?.values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    problems.push('"values" is not an object of key: text pairs');
  } else {
    for (const [key, value] of Object.entries(values)) {
      if (typeof value !== 'string') {
        problems.push(
          `values[${JSON.stringify(key)}] is ${value === null ? 'null' : `a ${typeof value}`}, not text`,
        );
      }
    }
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (version !== undefined && typeof version !== 'string') problems.push('"version" is not text');
  if (problems.length > 0) {
    throw new SecretError({
      code: 'PROVIDER_ERROR',
      message: `${source} returned a malformed result (${problems.join('; ')}). The provider breaks the contract; report this to its authors.`,
    });
  }
  return data as SecretData;
}

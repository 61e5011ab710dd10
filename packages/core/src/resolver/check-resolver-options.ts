import { SecretError } from '../errors/secret-error';
import type { SecretResolverOptions } from './secret-resolver';

/** The resolver's options with defaults applied. */
export interface ResolverSettings {
  concurrency: number;
  timeoutMs: number;
}

/** Default reads in flight per integration. */
export const DEFAULT_CONCURRENCY = 8;
/** Default deadline of a resolution, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Checks `createSecretResolver`'s options and reports every problem in one `INVALID_CONFIG`. */
export function checkResolverOptions(options: SecretResolverOptions): ResolverSettings {
  const issues: string[] = [];
  if (typeof options?.registry?.load !== 'function') {
    issues.push('registry must be a ProviderRegistry (see createProviderRegistry)');
  }
  if (typeof options?.integrations?.get !== 'function') {
    issues.push('integrations must be an IntegrationStore (see createMemoryIntegrationStore)');
  }
  if (options?.internalSecrets !== undefined && typeof options.internalSecrets.get !== 'function') {
    issues.push('internalSecrets must be an InternalSecretStore (see createMemorySecretStore)');
  }
  const concurrency = options?.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    issues.push('concurrency must be a whole number of at least 1');
  }
  const timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (
    typeof timeoutMs !== 'number' ||
    !Number.isFinite(timeoutMs) ||
    timeoutMs <= 0 ||
    timeoutMs > 2 ** 31 - 1
  ) {
    issues.push('timeoutMs must be a number of milliseconds above 0 (and below about 24 days)');
  }
  if (issues.length > 0) {
    throw new SecretError({
      code: 'INVALID_CONFIG',
      message: `createSecretResolver was given invalid options: ${issues.join('; ')}.`,
      issues,
    });
  }
  return { concurrency, timeoutMs };
}

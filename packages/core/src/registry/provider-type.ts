/** What a provider type looks like: a short lower-case identifier such as `azure_key_vault`. */
export const PROVIDER_TYPE_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Whether `value` is a well-formed provider type. */
export function isProviderType(value: unknown): value is string {
  return typeof value === 'string' && PROVIDER_TYPE_PATTERN.test(value);
}

/**
 * The package a third party publishes a provider under when nobody registered or mapped its
 * type: `fromsecret-provider-<type>`, with `_` written as `-` (npm names prefer dashes).
 */
export function conventionalPackageName(type: string): string {
  return `fromsecret-provider-${type.replaceAll('_', '-')}`;
}

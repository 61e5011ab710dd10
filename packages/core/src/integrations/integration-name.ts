/** What an integration name looks like: 1–64 of `A-Z a-z 0-9 . _ -`. */
export const INTEGRATION_NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Whether `value` is a well-formed integration name. */
export function isIntegrationName(value: unknown): value is string {
  return typeof value === 'string' && INTEGRATION_NAME_PATTERN.test(value);
}

const segment = '[^/\\s\\p{Cc}\\p{Cf}*]+';
const userOrOrg = new RegExp(`^${segment}$`, 'u');
const ownerAndName = new RegExp(`^${segment}/${segment}$`, 'u');

/**
 * Whether `value` is exactly `owner/name`: two non-empty segments, no whitespace, control or
 * format characters, no `*`, no `.` or `..` segment. Anything else (`acme/app/`, `acme//app`,
 * ` acme/app`) never matches an allowlist.
 */
export function isRepositoryName(value: unknown): value is string {
  if (typeof value !== 'string' || !ownerAndName.test(value)) return false;
  return value.split('/').every((part) => part !== '.' && part !== '..');
}

/** Whether `value` can be a user or org name in an allowlist or an access context. */
export function isAccountName(value: unknown): value is string {
  return typeof value === 'string' && userOrOrg.test(value) && value !== '.' && value !== '..';
}

/**
 * What the CLI accepts as a provider's package: an npm package name, optionally scoped
 * (`fromsecret-provider-acme`, `@acme/fromsecret-store`), lower case as npm requires of new
 * packages. Paths and subpaths are refused: a package installed next to the CLI or in the
 * project is what an operator means, and a path would be resolved from a surprising place.
 */
export const PACKAGE_NAME_PATTERN = '^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$';

/** npm's limit on the length of a package name. */
export const MAX_PACKAGE_NAME_LENGTH = 214;

const packageNameExpression = new RegExp(PACKAGE_NAME_PATTERN);

/** Whether `value` has the shape of an npm package name ({@link PACKAGE_NAME_PATTERN}). */
export function isPackageName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= MAX_PACKAGE_NAME_LENGTH &&
    packageNameExpression.test(value)
  );
}

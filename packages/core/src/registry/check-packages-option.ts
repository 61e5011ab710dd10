import { BUILT_IN_PROVIDER_PACKAGES } from './built-in-provider-packages';
import { invalidProvider } from './check-provider-definition';
import { isProviderType } from './provider-type';

/**
 * Validates the registry's `packages` option (type to module specifier) and reports every
 * problem in one `INVALID_PROVIDER` error. A built-in type in it is an error rather than
 * ignored: the built-in map wins, so the entry would silently do nothing.
 */
export function checkPackagesOption(
  packages: Readonly<Record<string, string>>,
): ReadonlyMap<string, string> {
  if (typeof packages !== 'object' || packages === null) {
    throw invalidProvider(
      "The registry's packages option must be an object of type: package name pairs.",
    );
  }
  const problems: string[] = [];
  const checked = new Map<string, string>();
  for (const [type, specifier] of Object.entries(packages)) {
    if (!isProviderType(type)) {
      problems.push(
        `"${type}" is not a provider type (a lower-case letter, then lower-case letters, digits or _)`,
      );
    } else if (Object.hasOwn(BUILT_IN_PROVIDER_PACKAGES, type)) {
      problems.push(`"${type}" is built in; pass a custom definition to register() instead`);
    } else if (
      typeof specifier !== 'string' ||
      specifier.trim() === '' ||
      specifier.trim() !== specifier
    ) {
      problems.push(`"${type}" must map to a package name`);
    } else {
      checked.set(type, specifier);
    }
  }
  if (problems.length > 0) {
    throw invalidProvider(`The registry's packages option is invalid: ${problems.join('; ')}.`);
  }
  return checked;
}

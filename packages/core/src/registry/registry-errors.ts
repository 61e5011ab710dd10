import { SecretError } from '../errors/secret-error';
import { closestMatch } from '../suggest/closest-match';

/**
 * `UNKNOWN_PROVIDER_TYPE`: nothing registered, built in, mapped or conventionally named
 * provides `type`. Lists the known types and suggests the nearest one.
 */
export function unknownProviderTypeError(
  type: string,
  knownTypes: readonly string[],
  conventionalName: string | undefined,
): SecretError {
  const suggestion = closestMatch(type, knownTypes);
  const hint = suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`;
  const known = knownTypes.length === 0 ? 'none' : knownTypes.join(', ');
  const reason =
    conventionalName === undefined
      ? `"${type}" is not a provider type (a lower-case letter, then lower-case letters, digits or _).`
      : `No provider is registered for type "${type}", it is not built in or in the registry's packages option, and no package "${conventionalName}" is installed.`;
  return new SecretError({
    code: 'UNKNOWN_PROVIDER_TYPE',
    message: `${reason}${hint} Known types: ${known}. For a third-party provider, install its package (\`npm install ${conventionalName ?? 'fromsecret-provider-<type>'}\`) or pass its definition to register().`,
  });
}

/** `PROVIDER_NOT_INSTALLED`: the type is known but its package is absent. Gives the command. */
export function providerNotInstalledError(type: string, specifier: string): SecretError {
  const isPackage = !/^(\.|\/|file:|[A-Za-z]:[\\/])/.test(specifier);
  const fix = isPackage
    ? `install it: \`npm install ${specifier}\` (or \`pnpm add ${specifier}\`, \`yarn add ${specifier}\`) in the project that runs fromsecret`
    : "check the path in the registry's packages option";
  return new SecretError({
    code: 'PROVIDER_NOT_INSTALLED',
    message: `Provider type "${type}" needs the package "${specifier}", which is not installed; ${fix}.`,
  });
}

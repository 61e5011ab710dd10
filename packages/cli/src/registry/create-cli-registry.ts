import {
  createProviderRegistry,
  isProviderType,
  type ProviderRegistry,
  SecretError,
} from '@fromsecret/core';
import { createCliImportModule } from './create-cli-import-module';
import type { ProviderPackages } from './provider-packages';

/** Options of {@link createCliRegistry}. */
export interface CliRegistryOptions {
  /** The `packages` option: the integrations file's `providers` map and `--provider-package`. */
  packages: ProviderPackages;
  /** The working directory, the second place provider packages are looked for. */
  cwd: string;
}

/**
 * The registry the command line uses when no host gave one: built-in providers, the mapped
 * packages and `fromsecret-provider-<type>`, imported from the CLI's installation or the
 * working directory. When a package is in neither, the registry's error also says where it was
 * looked for, and how to map a type whose package has another name.
 */
export function createCliRegistry(options: CliRegistryOptions): ProviderRegistry {
  const { importModule, searched } = createCliImportModule(options.cwd);
  const registry = createProviderRegistry({
    packages: Object.fromEntries(options.packages),
    importModule,
  });
  return {
    register: registry.register,
    has: registry.has,
    types: registry.types,
    load: (type) =>
      registry.load(type).catch((error: unknown) => {
        throw explainSearch(error, type, searched);
      }),
  };
}

/**
 * Adds where the package was looked for to a "not installed" error. An unknown type that is a
 * well-formed type was looked for as `fromsecret-provider-<type>`; a malformed one was not
 * looked for at all.
 */
function explainSearch(error: unknown, type: string, searched: string): unknown {
  if (!SecretError.isInstance(error)) return error;
  const unknownType = error.code === 'UNKNOWN_PROVIDER_TYPE' && isProviderType(type);
  if (error.code !== 'PROVIDER_NOT_INSTALLED' && !unknownType) return error;
  const mapping = unknownType
    ? ` A provider published under another name needs its type mapped to its package: "providers: { ${type}: <package> }" in the integrations file, or --provider-package ${type}=<package>.`
    : '';
  return new SecretError({
    ...error.toOptions(),
    message: `${error.message} fromsecret looked for the package ${searched}.${mapping}`,
  });
}

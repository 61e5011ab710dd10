import type { ProviderDefinition } from '../spec/v1/provider-definition';
import { BUILT_IN_PROVIDER_PACKAGES } from './built-in-provider-packages';
import { checkProviderDefinition, invalidProvider } from './check-provider-definition';
import {
  type ImportModule,
  importProviderModule,
  ModuleNotInstalled,
} from './import-provider-module';
import { conventionalPackageName } from './provider-type';
import { providerNotInstalledError, unknownProviderTypeError } from './registry-errors';

/** What {@link importProviderDefinition} needs from its registry. */
export interface ImportDefinitionOptions {
  /** The registry's checked `packages` option. */
  packages: ReadonlyMap<string, string>;
  importModule: ImportModule;
  /** The types the registry knows, for the "unknown type" message. */
  knownTypes: () => string[];
}

/**
 * Imports the package that provides `type` (built-in map, then `packages`, then the
 * conventional name) and checks its definition. A missing mapped package is
 * `PROVIDER_NOT_INSTALLED` with the install command; a missing conventional one means nobody
 * provides the type, `UNKNOWN_PROVIDER_TYPE`.
 */
export async function importProviderDefinition(
  type: string,
  options: ImportDefinitionOptions,
): Promise<ProviderDefinition> {
  const mapped = Object.hasOwn(BUILT_IN_PROVIDER_PACKAGES, type)
    ? BUILT_IN_PROVIDER_PACKAGES[type]
    : options.packages.get(type);
  const specifier = mapped ?? conventionalPackageName(type);
  let exported: unknown;
  try {
    exported = await importProviderModule(specifier, type, options.importModule);
  } catch (error) {
    if (!(error instanceof ModuleNotInstalled)) throw error;
    if (mapped === undefined) throw unknownProviderTypeError(type, options.knownTypes(), specifier);
    throw providerNotInstalledError(type, specifier);
  }
  const definition = checkProviderDefinition(exported, {
    subject: `The module "${specifier}"`,
    definitionName: 'its export "provider"',
    memberPrefix: 'provider.',
    owner: `the package "${specifier}"`,
  });
  if (definition.type !== type) {
    throw invalidProvider(
      `The module "${specifier}" provides type "${definition.type}", but was loaded for type "${type}"; map "${type}" to the package that provides it in the registry's packages option.`,
    );
  }
  return definition;
}

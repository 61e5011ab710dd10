import type { ProviderDefinition } from '../spec/v1/provider-definition';
import { BUILT_IN_PROVIDER_PACKAGES } from './built-in-provider-packages';
import { checkPackagesOption } from './check-packages-option';
import { checkProviderDefinition, invalidProvider } from './check-provider-definition';
import { importProviderDefinition } from './import-provider-definition';
import { type ImportModule, importWithNode } from './import-provider-module';
import { isProviderType } from './provider-type';
import { unknownProviderTypeError } from './registry-errors';

/** Options of {@link createProviderRegistry}. */
export interface ProviderRegistryOptions {
  /** Definitions to register up front, as if passed to `register()` in order. @default [] */
  providers?: readonly ProviderDefinition[];
  /**
   * Type to module specifier, for third-party providers published under another name (a
   * scoped package, for example `{ acme_vault: '@acme/fromsecret-vault' }`). Built-in types
   * cannot be remapped: register a definition instead. @default {}
   */
  packages?: Readonly<Record<string, string>>;
  /** How modules are imported; tests inject one. @default (specifier) => import(specifier) */
  importModule?: ImportModule;
}

/** Finds provider definitions by type: registered ones first, then installed packages. */
export interface ProviderRegistry {
  /**
   * Adds a definition. Throws `INVALID_PROVIDER` when it is malformed or when another
   * definition already serves its type; registering the same definition again does nothing.
   */
  register(definition: ProviderDefinition): void;
  /** Whether `type` is registered, loaded, built in or in the `packages` option. */
  has(type: string): boolean;
  /** Every type {@link ProviderRegistry.has} knows, sorted. */
  types(): string[];
  /**
   * The definition for `type`: registered, else imported (once; concurrent calls share the
   * import) from the built-in map, the `packages` option, or `fromsecret-provider-<type>`.
   * Throws `UNKNOWN_PROVIDER_TYPE`, `PROVIDER_NOT_INSTALLED` or `INVALID_PROVIDER`.
   */
  load(type: string): Promise<ProviderDefinition>;
}

const registerSource = {
  subject: 'The provider definition passed to register()',
  definitionName: 'the definition',
  memberPrefix: '',
  owner: 'the definition',
};

function knownTypes(
  definitions: ReadonlyMap<string, unknown>,
  packages: ReadonlyMap<string, string>,
): string[] {
  const all = [
    ...definitions.keys(),
    ...Object.keys(BUILT_IN_PROVIDER_PACKAGES),
    ...packages.keys(),
  ];
  return [...new Set(all)].sort();
}

/** Creates a {@link ProviderRegistry}. Imports nothing until `load()` needs it. */
export function createProviderRegistry(options: ProviderRegistryOptions = {}): ProviderRegistry {
  const packages = checkPackagesOption(options.packages ?? {});
  const importModule = options.importModule ?? importWithNode;
  const definitions = new Map<string, ProviderDefinition>();
  const loading = new Map<string, Promise<ProviderDefinition>>();

  const types = (): string[] => knownTypes(definitions, packages);

  const register = (definition: ProviderDefinition): void => {
    const checked = checkProviderDefinition(definition, registerSource);
    const existing = definitions.get(checked.type);
    if (existing === checked) return;
    if (existing !== undefined || loading.has(checked.type)) {
      throw invalidProvider(
        `A provider for type "${checked.type}" is already registered or loaded; register each type once, before the first load() of it.`,
      );
    }
    definitions.set(checked.type, checked);
  };

  const load = (type: string): Promise<ProviderDefinition> => {
    const known = definitions.get(type);
    if (known !== undefined) return Promise.resolve(known);
    if (!isProviderType(type))
      return Promise.reject(unknownProviderTypeError(type, types(), undefined));
    const pending = loading.get(type);
    if (pending !== undefined) return pending;
    // A failed load is forgotten, so installing the package fixes a running server.
    const started = importProviderDefinition(type, { packages, importModule, knownTypes: types })
      .then((definition) => {
        definitions.set(type, definition);
        return definition;
      })
      .finally(() => loading.delete(type));
    loading.set(type, started);
    return started;
  };

  for (const definition of options.providers ?? []) register(definition);
  return { register, has: (type) => types().includes(type), types, load };
}

import { sanitizeCause } from '../errors/sanitize-cause';
import { SecretError } from '../errors/secret-error';
import { invalidProvider } from './check-provider-definition';

/** How the registry imports a provider package; injectable so tests need no installed package. */
export type ImportModule = (specifier: string) => Promise<unknown>;

/** The default {@link ImportModule}: Node's own dynamic `import()`. */
export const importWithNode: ImportModule = (specifier) => import(specifier);

/** Thrown by {@link importProviderModule} when the package itself is not installed. */
export class ModuleNotInstalled extends Error {
  override readonly name = 'ModuleNotInstalled';
}

/**
 * Imports `specifier` and returns its `provider` export (or the `provider` member of a
 * CommonJS module's default export, which is where Node puts it when it cannot see named
 * exports). Throws {@link ModuleNotInstalled} when the package is absent, and `INVALID_PROVIDER`
 * when it is present but throws while loading: a broken install must not read as "not
 * installed", or the fix-it message would send the operator to install what is already there.
 */
export async function importProviderModule(
  specifier: string,
  type: string,
  importModule: ImportModule,
): Promise<unknown> {
  let namespace: unknown;
  try {
    namespace = await importModule(specifier);
  } catch (error) {
    if (isNotFound(error, specifier)) throw new ModuleNotInstalled(specifier);
    const cause = SecretError.isInstance(error) ? error : sanitizeCause(error);
    throw invalidProvider(
      `The module "${specifier}" for provider type "${type}" is installed but failed to load (${cause.message}); reinstall it and check that its own dependencies are installed.`,
      cause,
    );
  }
  return providerExport(namespace);
}

function providerExport(namespace: unknown): unknown {
  if (typeof namespace !== 'object' || namespace === null) return undefined;
  const module = namespace as { provider?: unknown; default?: unknown };
  if (module.provider !== undefined) return module.provider;
  const fallback = module.default as { provider?: unknown } | undefined;
  return typeof fallback === 'object' && fallback !== null ? fallback.provider : undefined;
}

const notFoundCodes = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/**
 * Whether an import failed because `specifier` itself is missing, as opposed to one of its
 * dependencies: Node names the missing package in quotes, and a missing dependency of an
 * installed provider names that dependency instead.
 */
function isNotFound(error: unknown, specifier: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !notFoundCodes.has(code) || typeof message !== 'string') {
    return false;
  }
  return [specifier, packageName(specifier)].some(
    (name) => message.includes(`'${name}'`) || message.includes(`"${name}"`),
  );
}

function packageName(specifier: string): string {
  const segments = specifier.split('/');
  return specifier.startsWith('@') ? segments.slice(0, 2).join('/') : (segments[0] ?? specifier);
}

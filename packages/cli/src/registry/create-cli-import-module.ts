import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ImportModule } from '@fromsecret/core';
import { resolvePackageEntry } from './resolve-package-entry';

/** The CLI's way of importing provider packages, and how to tell where it looks. */
export interface CliImportModule {
  importModule: ImportModule;
  /** Where packages are looked for, as a phrase for messages ("from … and from …"). */
  searched: string;
}

/**
 * Imports a provider package from the CLI's own installation first (where its built-in
 * providers are), then from the working directory: with pnpm's strict layout, or a CLI
 * installed globally or run through `npx`, a provider installed in the operator's project is
 * not visible from the CLI's files. A package found in neither place is reported as Node
 * reports a missing package, so the registry keeps its `PROVIDER_NOT_INSTALLED` and
 * `UNKNOWN_PROVIDER_TYPE` errors; a package that is found but fails to load is rethrown as it
 * failed, so it stays `INVALID_PROVIDER`.
 */
export function createCliImportModule(cwd: string): CliImportModule {
  const ownDirectory = fileURLToPath(new URL('.', import.meta.url));
  const importModule: ImportModule = async (specifier) => {
    try {
      return await import(specifier);
    } catch (error) {
      if (!isMissingPackage(error, specifier)) throw error;
    }
    const entry = resolvePackageEntry(specifier, cwd);
    if (entry === undefined) throw packageNotFound(specifier, ownDirectory, cwd);
    return import(pathToFileURL(entry).href);
  };
  return {
    importModule,
    searched: `from its own installation (${ownDirectory}) and from the working directory (${cwd}), in the node_modules folder of each and of every parent directory`,
  };
}

const notFoundCodes: ReadonlySet<string> = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/**
 * Whether an import failed because `specifier` itself is not installed: Node names it in
 * quotes. A missing dependency of an installed package names that dependency instead.
 */
function isMissingPackage(error: unknown, specifier: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    typeof code === 'string' &&
    notFoundCodes.has(code) &&
    typeof message === 'string' &&
    (message.includes(`'${specifier}'`) || message.includes(`"${specifier}"`))
  );
}

function packageNotFound(specifier: string, ownDirectory: string, cwd: string): Error {
  const error = new Error(
    `Cannot find package '${specifier}' from ${ownDirectory} or from ${cwd}`,
  ) as Error & { code: string };
  error.code = 'ERR_MODULE_NOT_FOUND';
  return error;
}

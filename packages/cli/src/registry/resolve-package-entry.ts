import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The conditions Node's `import()` matches in a package's `exports`, plus `default`. */
const IMPORT_CONDITIONS: ReadonlySet<string> = new Set([
  'node',
  'import',
  'module-sync',
  'default',
]);

/**
 * The file `import(packageName)` would load if it were written in a module in `directory`, or
 * `undefined` when no package of that name is installed there or in a parent directory's
 * `node_modules`. Node can only do this resolution relative to the importing file, and
 * `require.resolve` matches the `require` condition (an ESM-only package exports none), so the
 * package's folder is found along `require`'s search paths and its `exports` are read with
 * `import()`'s conditions. A package without `exports`, or whose `exports` serve `require()`
 * only, is resolved as `require()` would (a CommonJS file `import()` can load). Throws Node's
 * own error when the package is there but exports nothing loadable.
 */
export function resolvePackageEntry(packageName: string, directory: string): string | undefined {
  const require = createRequire(join(directory, 'noop.js'));
  const packageDirectory = (require.resolve.paths(packageName) ?? [])
    .map((modules) => join(modules, packageName))
    .find((candidate) => existsSync(join(candidate, 'package.json')));
  if (packageDirectory === undefined) return undefined;
  const manifest = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8')) as {
    exports?: unknown;
  };
  const exported = importTarget(rootExport(manifest.exports));
  return exported === undefined ? require.resolve(packageName) : join(packageDirectory, exported);
}

/** The `"."` entry of `exports`: the whole value unless it is a map of subpaths. */
function rootExport(exports: unknown): unknown {
  if (!isRecord(exports)) return exports;
  const isSubpathMap = Object.keys(exports).some((key) => key.startsWith('.'));
  return isSubpathMap ? exports['.'] : exports;
}

/** The first target that `import()`'s conditions select, as Node walks it (in key order). */
function importTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return isInsidePackage(target) ? target : undefined;
  if (Array.isArray(target)) {
    for (const item of target) {
      const found = importTarget(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isRecord(target)) return undefined;
  for (const [condition, value] of Object.entries(target)) {
    if (!IMPORT_CONDITIONS.has(condition)) continue;
    const found = importTarget(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Node only accepts `./` targets that stay inside the package. */
function isInsidePackage(target: string): boolean {
  if (!target.startsWith('./')) return false;
  return target
    .slice(2)
    .split(/[\\/]/)
    .every((segment) => segment !== '..' && segment !== '.' && segment !== 'node_modules');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../test-support/spawn-cli';
import { resolvePackageEntry } from './resolve-package-entry';

const workspace = createWorkspace();
afterAll(() => workspace.remove());
const root = realpathSync(workspace.directory);
const project = join(root, 'project');
const nested = join(project, 'deeply', 'nested');
mkdirSync(nested, { recursive: true });

/** Writes `node_modules/<name>` under `directory` with the given manifest and files. */
function installPackage(
  directory: string,
  name: string,
  manifest: object,
  files: readonly string[],
): string {
  const folder = join(directory, 'node_modules', name);
  mkdirSync(join(folder, 'dist'), { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, ...manifest }));
  for (const file of files) writeFileSync(join(folder, file), '');
  return folder;
}

const esmOnly = installPackage(
  project,
  '@acme/esm-only',
  { type: 'module', exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } } },
  ['dist/index.js', 'dist/index.d.ts'],
);
const dual = installPackage(
  project,
  'dual',
  {
    exports: {
      '.': { require: './dist/index.cjs', import: './dist/index.mjs' },
      './package.json': './package.json',
    },
  },
  ['dist/index.cjs', 'dist/index.mjs'],
);
const mainOnly = installPackage(project, 'main-only', { main: 'dist/main.js' }, ['dist/main.js']);
const requireOnly = installPackage(
  project,
  'require-only',
  { exports: { require: './dist/index.cjs' } },
  ['dist/index.cjs'],
);
const stringExport = installPackage(root, 'string-export', { exports: './dist/entry.js' }, [
  'dist/entry.js',
]);
installPackage(project, 'escapes', { exports: { import: './../outside.js' } }, []);
installPackage(project, 'nothing-exported', { exports: { '.': null } }, []);

describe('resolvePackageEntry', () => {
  it("selects the entry import() would load: the import condition of an ESM-only package's exports", () => {
    expect(resolvePackageEntry('@acme/esm-only', project)).toBe(join(esmOnly, 'dist/index.js'));
    expect(resolvePackageEntry('dual', project)).toBe(join(dual, 'dist/index.mjs'));
  });

  it('looks in node_modules of the directory and of every parent, like Node', () => {
    expect(resolvePackageEntry('@acme/esm-only', nested)).toBe(join(esmOnly, 'dist/index.js'));
    expect(resolvePackageEntry('string-export', nested)).toBe(join(stringExport, 'dist/entry.js'));
  });

  it('resolves a package without import exports as require() does', () => {
    expect(resolvePackageEntry('main-only', project)).toBe(join(mainOnly, 'dist/main.js'));
    expect(resolvePackageEntry('require-only', project)).toBe(join(requireOnly, 'dist/index.cjs'));
  });

  it('is undefined only when no such package is installed there or above', () => {
    expect(resolvePackageEntry('not-installed', project)).toBeUndefined();
    expect(resolvePackageEntry('@acme/esm-only', root)).toBeUndefined();
  });

  it("throws Node's own error for an installed package that exports nothing loadable", () => {
    expect(() => resolvePackageEntry('escapes', project)).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^ERR_/) }),
    );
    expect(() => resolvePackageEntry('nothing-exported', project)).toThrow(
      expect.objectContaining({ code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' }),
    );
  });
});

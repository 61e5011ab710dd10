import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const source = fileURLToPath(new URL('.', import.meta.url));

// Design §10: `import('@fromsecret/core')` under 30 ms. Loading node:crypto costs about 10 ms
// and node:stream about 8 on the CI machine, more than the rest of core together, and only a
// PEM setting, a provider's cache key and a masking stream need them: those load them on
// first use (`process.getBuiltinModule`), not with the package.
const heavyBuiltins = [
  'node:crypto',
  'node:stream',
  'node:fs',
  'node:fs/promises',
  'node:http',
  'node:https',
  'node:tls',
  'node:zlib',
];

/** Every library source file of core: what `import('@fromsecret/core')` may evaluate. */
function librarySources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : librarySources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The built-in modules a file imports for their values (type-only imports cost nothing). */
function valueImports(text: string): string[] {
  const statements = text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms);
  return [...statements].map((statement) => statement[1]!);
}

describe('importing @fromsecret/core', () => {
  it('loads none of the costly built-in modules: they are loaded where first used', () => {
    const found = librarySources(source).flatMap((file) =>
      valueImports(readFileSync(file, 'utf8'))
        .filter((specifier) => heavyBuiltins.includes(specifier))
        .map((specifier) => `${relative(source, file)} imports ${specifier}`),
    );
    expect(found).toEqual([]);
  });

  it('the check sees a value import and lets a type-only one pass', () => {
    expect(valueImports("import { Transform } from 'node:stream';")).toEqual(['node:stream']);
    expect(valueImports("import type { Transform } from 'node:stream';")).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The packages the recorded modules belong to (the `name` of each module's nearest
 * package.json that has one), sorted. Node's built-in modules are left out.
 */
export function loadedPackages(recorded: string): string[] {
  const names = new Set<string>();
  const byDirectory = new Map<string, string | undefined>();
  for (const line of recorded.split('\n')) {
    if (line.length === 0 || line.startsWith('node:') || !isFile(line)) continue;
    const path = line.startsWith('file:') ? fileURLToPath(line) : line;
    const name = packageOf(dirname(path), byDirectory);
    if (name !== undefined) names.add(name);
  }
  return [...names].sort();
}

function isFile(line: string): boolean {
  return line.startsWith('file:') || line.startsWith('/');
}

function packageOf(directory: string, cache: Map<string, string | undefined>): string | undefined {
  if (cache.has(directory)) return cache.get(directory);
  let name: string | undefined;
  try {
    name = (JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: string })
      .name;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // A package.json without a name (say `dist/esm/package.json` holding only "type") is not
  // the package's own: keep looking above it.
  const parent = dirname(directory);
  if (name === undefined && parent !== directory) name = packageOf(parent, cache);
  cache.set(directory, name);
  return name;
}

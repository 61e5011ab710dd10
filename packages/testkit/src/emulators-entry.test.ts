import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const source = dirname(fileURLToPath(import.meta.url));
const importPattern = /^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

/** Every bare package an entry file reaches through its static imports (type-only ones too). */
function packagesReachedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [resolve(source, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      pending.push(sourceFile(resolve(dirname(file), specifier)));
    }
  }
  return packages;
}

/** `./name` is `name.ts` or `name/index.ts`. */
function sourceFile(target: string): string {
  try {
    readFileSync(`${target}.ts`);
    return `${target}.ts`;
  } catch {
    return `${target}/index.ts`;
  }
}

describe('@fromsecret/testkit/emulators', () => {
  it('reaches no test framework, so an app can start an emulator without vitest', () => {
    const reached = packagesReachedFrom('emulators.ts');
    expect([...reached].filter((name) => name === 'vitest' || name.startsWith('vitest/'))).toEqual(
      [],
    );
    // The walk does follow the emulators' own imports.
    expect(reached).toContain('@fromsecret/core');
  });

  it('the root entry, with the conformance suite, does reach vitest (the walk would see it)', () => {
    expect(packagesReachedFrom('index.ts')).toContain('vitest');
  });
});

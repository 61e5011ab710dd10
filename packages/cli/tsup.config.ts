import { rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Both builds below write to dist/ at the same time: clean it once, before either starts,
// rather than with `clean`, which would let one build delete the other's output.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    // The provider importer names its own folder (import.meta.url) in messages, CJS included.
    shims: true,
    dts: true,
    sourcemap: true,
    target: 'node20',
    tsconfig: './tsconfig.build.json',
  },
  {
    // The binary is ESM only (the package is "type": "module") and runs as a script.
    entry: ['src/bin.ts'],
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    tsconfig: './tsconfig.build.json',
    banner: { js: '#!/usr/bin/env node' },
  },
]);

import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
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

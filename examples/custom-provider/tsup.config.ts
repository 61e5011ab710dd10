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
    // The fromsecret-seal executable: ESM only (the package is "type": "module").
    entry: ['src/seal-command.ts'],
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    tsconfig: './tsconfig.build.json',
    banner: { js: '#!/usr/bin/env node' },
  },
]);

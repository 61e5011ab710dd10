import type { Options } from 'tsup';

/**
 * How every published package is built: ESM and CJS from src/index.ts, with declarations
 * built against the packages' published types (tsconfig.build.json has no source paths).
 */
export const libraryBuild: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: './tsconfig.build.json',
};

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Options of {@link writeProviderPackage}. */
export interface ProviderPackageOptions {
  /** The provider's type. */
  type: string;
  /** The value every read returns under `value`. @default 'value from <type>' */
  value?: string;
  /** Statements run when the module loads, before the provider is defined. @default '' */
  preamble?: string;
}

/**
 * Installs a minimal third-party provider package, ESM only (its `exports` have an `import`
 * condition and no `require` one), in `<directory>/node_modules/<name>`. It imports nothing,
 * so it loads without `@fromsecret/core` next to it.
 */
export function writeProviderPackage(
  directory: string,
  name: string,
  options: ProviderPackageOptions,
): void {
  const folder = join(directory, 'node_modules', name);
  mkdirSync(join(folder, 'dist'), { recursive: true });
  const manifest = {
    name,
    version: '1.0.0',
    type: 'module',
    exports: { '.': { import: './dist/index.js' } },
  };
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest));
  const value = options.value ?? `value from ${options.type}`;
  writeFileSync(
    join(folder, 'dist', 'index.js'),
    `${options.preamble ?? ''}
export const provider = {
  specificationVersion: 'v1',
  type: ${JSON.stringify(options.type)},
  displayName: ${JSON.stringify(`Store of ${name}`)},
  fields: [{ name: 'token', label: 'Token', required: true, secret: true, kind: 'string' }],
  parseConfig: (input) => ({ token: input.token }),
  create: () => ({
    testConnection: async () => {},
    read: async () => ({ values: { value: ${JSON.stringify(value)} } }),
    close: async () => {},
  }),
};
`,
  );
}

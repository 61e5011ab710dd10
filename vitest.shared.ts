import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packageSource = (name: string, entry = 'index') =>
  fileURLToPath(new URL(`./packages/${name}/src/${entry}.ts`, import.meta.url));

/**
 * Tests run against the workspace packages' sources, so a change in core is seen by every
 * provider's tests without a rebuild. The CLI's tests spawn the built binary instead.
 */
export const sharedConfig = defineConfig({
  resolve: {
    alias: {
      '@fromsecret/core': packageSource('core'),
      '@fromsecret/vault': packageSource('vault'),
      '@fromsecret/azure-key-vault': packageSource('azure-key-vault'),
      '@fromsecret/infisical': packageSource('infisical'),
      // Before '@fromsecret/testkit', which would otherwise match it as a prefix.
      '@fromsecret/testkit/emulators': packageSource('testkit', 'emulators'),
      '@fromsecret/testkit': packageSource('testkit'),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});

import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.shared.js';

// Two entries: `@fromsecret/testkit/emulators` must not load vitest, which the root entry's
// conformance suite imports.
export default defineConfig({ ...libraryBuild, entry: ['src/index.ts', 'src/emulators.ts'] });

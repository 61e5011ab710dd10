import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceSeed, ConformanceStore } from '@fromsecret/testkit';
import { sealSecretFile } from '../seal-secret-file';
import { integrationKey, otherTeamKey, wrongKey } from './canary-keys';
import { fileAccessProbe } from './file-access-probe';

/**
 * Seals the seed into a fresh temporary file for one conformance test. The file is sealed for
 * the integration's key and another team's; denied paths are sealed for the other team only.
 * Needs the mocks of the conformance test file (see `file-access-probe.ts`) to count and slow.
 */
export async function setUpEncryptedFileStore(seed: ConformanceSeed): Promise<ConformanceStore> {
  const directory = await mkdtemp(join(tmpdir(), 'fromsecret-encrypted-file-'));
  const file = join(directory, 'secrets.sealed.json');
  const denied = new Set(seed.deniedPaths ?? []);
  const sealed = sealSecretFile({
    keys: [integrationKey, otherTeamKey],
    secrets: seed.secrets.map((secret) => ({
      path: secret.path,
      versions: secret.versions,
      sealedFor: denied.has(secret.path) ? otherTeamKey : integrationKey,
    })),
  });
  await writeFile(file, sealed, { mode: 0o600 });
  fileAccessProbe.watch(file);
  const versionCount = (path: string) =>
    seed.secrets.find((secret) => secret.path === path)?.versions.length ?? 0;
  return {
    config: { file, key: integrationKey },
    badCredentialsConfig: { file, key: wrongKey },
    credentials: [integrationKey],
    versionOf: (_path, n) => n,
    missingVersion: (path) => versionCount(path) + 1,
    requestCount: () => fileAccessProbe.reads(file),
    secretReadCount: () => fileAccessProbe.decryptions(),
    setLatency: (milliseconds) => fileAccessProbe.setLatency(file, milliseconds),
    close: async () => {
      fileAccessProbe.unwatch(file);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

import { describeProviderConformance } from '@fromsecret/testkit';
import { vi } from 'vitest';
import { setUpEncryptedFileStore } from './__fixtures__/encrypted-file-harness';
import * as encryptedFileModule from './index';

// The provider's real file reads and decryptions, counted and slowed by the harness's probe.
vi.mock('node:fs/promises', async (importOriginal) => {
  const { instrumentFileSystem } = await import('./__fixtures__/file-access-probe');
  return instrumentFileSystem(await importOriginal());
});
vi.mock('node:crypto', async (importOriginal) => {
  const { instrumentCrypto } = await import('./__fixtures__/file-access-probe');
  return instrumentCrypto(await importOriginal());
});

describeProviderConformance({
  provider: encryptedFileModule.provider,
  module: encryptedFileModule,
  setup: setUpEncryptedFileStore,
  features: { multipleKeys: true, versions: true },
});

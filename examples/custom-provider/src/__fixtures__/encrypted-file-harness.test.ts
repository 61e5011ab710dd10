import { describe, expect, it, vi } from 'vitest';
import type { EncryptedFileConfigInput } from '../encrypted-file-config';
import { createEncryptedFileProvider } from '../provider';
import { setUpEncryptedFileStore } from './encrypted-file-harness';

vi.mock('node:fs/promises', async (importOriginal) => {
  const { instrumentFileSystem } = await import('./file-access-probe');
  return instrumentFileSystem(await importOriginal());
});
vi.mock('node:crypto', async (importOriginal) => {
  const { instrumentCrypto } = await import('./file-access-probe');
  return instrumentCrypto(await importOriginal());
});

const live = () => ({ signal: new AbortController().signal });

// The conformance suite trusts these counts; if the mocks stopped applying, its "reads no
// secret" and "reaches the store" checks would pass or fail for the wrong reason.
describe('the conformance harness', () => {
  it('counts file reads and decryptions of the provider', async () => {
    const store = await setUpEncryptedFileStore({
      secrets: [{ path: 'probe', versions: [{ api_key: 'probe value' }] }],
    });
    try {
      const provider = createEncryptedFileProvider(store.config as EncryptedFileConfigInput);
      await provider.testConnection(live());
      expect(store.requestCount()).toBe(1);
      const decryptions = store.secretReadCount();
      await provider.read({ path: 'probe' }, live());
      expect(store.requestCount()).toBe(2);
      expect(store.secretReadCount()).toBe(decryptions + 1);
    } finally {
      await store.close();
    }
  });

  it('delays reads of the store by its latency', async () => {
    const store = await setUpEncryptedFileStore({
      secrets: [{ path: 'probe', versions: [{ api_key: 'probe value' }] }],
    });
    try {
      const provider = createEncryptedFileProvider(store.config as EncryptedFileConfigInput);
      store.setLatency(200);
      const started = Date.now();
      await provider.read({ path: 'probe' }, live());
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    } finally {
      await store.close();
    }
  });
});

import { mountAzureKeyVaultEmulatorOnNock } from '@fromsecret/testkit';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  canaryValue,
  clientId,
  clientSecret,
  publicCloudConfig,
  silentLogger,
} from './__fixtures__/emulator-fixture';

const sdkPackages = ['@azure/identity', '@azure/keyvault-secrets'];
let loaded: string[] = [];

/** Notes when the package's code loads `specifier`, and then loads the real module. */
function watch(specifier: string): void {
  vi.doMock(specifier, async (importOriginal) => {
    loaded.push(specifier);
    return importOriginal();
  });
}

/** The package as a server gets it: imported afresh, a provider created from its settings. */
async function importAndCreate() {
  const azureKeyVault = await import('./index');
  const { provider } = azureKeyVault;
  const created = provider.create(provider.parseConfig(publicCloudConfig), {
    logger: silentLogger,
    now: Date.now,
  });
  created.validateReference?.({ path: 'api-key', key: 'value' });
  return created;
}

beforeEach(() => {
  loaded = [];
  vi.resetModules();
  for (const specifier of sdkPackages) watch(specifier);
  nock.disableNetConnect();
});
afterEach(() => {
  for (const specifier of sdkPackages) vi.doUnmock(specifier);
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('loading the Azure SDKs', () => {
  it('loads neither when the package is imported, a provider created or a reference checked', async () => {
    await importAndCreate();
    expect(loaded).toEqual([]);
  });

  it('loads both on the first read, once', async () => {
    const handle = mountAzureKeyVaultEmulatorOnNock(nock, {
      principals: [{ clientId, clientSecret }],
      secrets: [{ name: 'api-key', versions: [canaryValue('one')] }],
    });
    const created = await importAndCreate();
    const signal = new AbortController().signal;
    await created.read({ path: 'api-key' }, { signal });
    const data = await created.read({ path: 'api-key' }, { signal });
    expect(data.values.value).toBe(canaryValue('one'));
    expect([...loaded].sort()).toEqual(sdkPackages);
    expect(handle.log.count('token')).toBe(1);
  });
});

import { randomBytes } from 'node:crypto';
import {
  type ConformanceSeed,
  type ConformanceStore,
  describeProviderConformance,
  mountAzureKeyVaultEmulatorOnNock,
} from '@fromsecret/testkit';
import nock from 'nock';
import * as azureKeyVault from './index';

const clientId = '11111111-2222-4333-8444-555555555555';
let storeCount = 0;

/**
 * A store for one conformance test: the emulated vault and Entra ID at their real hosts
 * through nock (no socket, every SDK check on), read with the package's default `provider`.
 */
async function setUpAzureKeyVaultStore(seed: ConformanceSeed): Promise<ConformanceStore> {
  storeCount += 1;
  const clientSecret = `CANARY-AZURE-CONFORMANCE-SECRET-${storeCount}-7f3a`;
  nock.disableNetConnect();
  const handle = mountAzureKeyVaultEmulatorOnNock(nock, {
    principals: [{ clientId, clientSecret, deniedSecrets: seed.deniedPaths ?? [] }],
    secrets: seed.secrets.map((secret) => ({
      name: secret.path,
      versions: secret.versions.map((values) => singleValue(secret.path, values)),
    })),
  });
  const config = { vaultUrl: handle.vaultUrl, tenantId: handle.tenantId, clientId, clientSecret };
  return {
    config,
    badCredentialsConfig: {
      ...config,
      clientSecret: `CANARY-AZURE-CONFORMANCE-WRONG-${storeCount}-7f3a`,
    },
    credentials: [clientSecret],
    versionOf: (path, n) => {
      const id = handle.store.versionIds(path)[n - 1];
      if (id === undefined) throw new Error(`the seed has no version ${n} of ${path}`);
      return id;
    },
    missingVersion: () => randomBytes(16).toString('hex'),
    requestCount: () => handle.log.count(),
    secretReadCount: () => handle.secretReadCount(),
    setLatency: (milliseconds) => handle.setLatency(milliseconds),
    close: async () => {
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}

/** Key Vault secrets hold one value: a seed with other keys is a mistake in the harness. */
function singleValue(path: string, values: Readonly<Record<string, string>>): string {
  const keys = Object.keys(values);
  if (keys.length !== 1 || values.value === undefined) {
    throw new Error(
      `Key Vault secret ${path} can only hold the key "value", not ${keys.join(', ')}`,
    );
  }
  return values.value;
}

describeProviderConformance({
  provider: azureKeyVault.provider,
  module: azureKeyVault,
  setup: setUpAzureKeyVaultStore,
  features: { multipleKeys: false, versions: true },
});

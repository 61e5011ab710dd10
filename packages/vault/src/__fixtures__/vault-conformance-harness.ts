import type { ConformanceSeed, ConformanceStore } from '@fromsecret/testkit';
import { mountVaultEmulatorOnNock } from '@fromsecret/testkit';
import nock from 'nock';

let storeCount = 0;

/**
 * Sets up the Vault emulator on nock (no socket, no other network) for one conformance test:
 * a role with canary credentials, a policy reading `secret/data/*` but denying each denied
 * path, and every seeded version written in order (KV v2 numbers them from 1).
 */
export async function setUpVaultConformanceStore(seed: ConformanceSeed): Promise<ConformanceStore> {
  storeCount += 1;
  const origin = `http://vault-${storeCount}.conformance.test:8200`;
  const roleId = `CANARY-VAULT-ROLE-ID-${storeCount}-4b1c`;
  const secretId = `CANARY-VAULT-SECRET-ID-${storeCount}-7f3a`;
  let tokens = 0;
  nock.disableNetConnect();
  const emulator = mountVaultEmulatorOnNock(nock, origin, {
    createToken: () => `CANARY-VAULT-TOKEN-${storeCount}-${++tokens}-9c1e`,
  });
  emulator.addRole({ roleId, secretId, policies: ['conformance'] });
  const rules: Record<string, string[]> = { 'secret/data/*': ['read'] };
  for (const path of seed.deniedPaths ?? []) rules[`secret/data/${path}`] = ['deny'];
  emulator.setPolicy('conformance', rules);
  for (const secret of seed.secrets) {
    for (const values of secret.versions) emulator.writeSecret(secret.path, values);
  }
  const versionCount = (path: string) =>
    seed.secrets.find((secret) => secret.path === path)?.versions.length ?? 0;
  const config = { address: origin, roleId, secretId };
  return {
    config,
    badCredentialsConfig: { ...config, secretId: `CANARY-VAULT-WRONG-SECRET-ID-${storeCount}` },
    credentials: [roleId, secretId],
    versionOf: (_path, n) => n,
    missingVersion: (path) => versionCount(path) + 1,
    requestCount: () => emulator.log.count(),
    secretReadCount: () => emulator.log.count('read'),
    setLatency: (milliseconds) => emulator.setLatency(milliseconds),
    close: async () => {
      await emulator.close();
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}

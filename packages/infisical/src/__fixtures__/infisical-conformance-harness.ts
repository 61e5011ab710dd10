import type { ConformanceSeed, ConformanceStore } from '@fromsecret/testkit';
import { mountInfisicalEmulatorOnNock } from '@fromsecret/testkit';
import nock from 'nock';

const projectId = 'conformance-project';
let storeCount = 0;

/**
 * Seeds an emulated Infisical, served through nock under an origin no other test uses, for
 * one conformance test: each seeded path is a key in `/` of one project and environment,
 * each version its `value`, and each denied path a `describe` denial for the identity.
 */
export async function setUpInfisicalConformanceStore(
  seed: ConformanceSeed,
): Promise<ConformanceStore> {
  storeCount += 1;
  const clientId = `CANARY-INFISICAL-CONFORMANCE-CLIENT-ID-${storeCount}-4e1d`;
  const clientSecret = `CANARY-INFISICAL-CONFORMANCE-SECRET-${storeCount}-9b2c`;
  const origin = `https://infisical-${storeCount}.conformance.test`;
  nock.disableNetConnect();
  const emulator = mountInfisicalEmulatorOnNock(nock, origin, {
    identities: [{ clientId, clientSecret, projects: [projectId] }],
    projects: [{ id: projectId, environments: ['ci'] }],
    secrets: seed.secrets.map((secret) => ({
      projectId,
      environment: 'ci',
      key: secret.path,
      versions: secret.versions.map((version) => version.value ?? JSON.stringify(version)),
    })),
    denials: (seed.deniedPaths ?? []).map((path) => ({ clientId, projectId, key: path })),
  });
  const config = { siteUrl: origin, clientId, clientSecret, projectId, environment: 'ci' };
  const versionCount = (path: string) =>
    seed.secrets.find((secret) => secret.path === path)?.versions.length ?? 0;
  return {
    config,
    badCredentialsConfig: { ...config, clientSecret: `CANARY-WRONG-SECRET-${storeCount}-61aa` },
    // The client ID identifies the identity and is not a secret setting (design §9); it is a
    // canary all the same, and the provider's own tests assert that it never leaks.
    credentials: [clientSecret],
    versionOf: (_path, n) => n,
    missingVersion: (path) => versionCount(path) + 5,
    requestCount: () => emulator.log.count(),
    secretReadCount: () => emulator.log.count('read'),
    setLatency: (milliseconds) => emulator.setLatency(milliseconds),
    close: async () => {
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}

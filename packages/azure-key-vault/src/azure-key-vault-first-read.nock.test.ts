import {
  type AzureKeyVaultEmulatorState,
  AzureKeyVaultEmulatorStore,
  createAzureKeyVaultEmulatorHandler,
  type EmulatorHandler,
  mountOnNock,
  RequestLog,
} from '@fromsecret/testkit';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  canaryValue,
  clientId,
  clientSecret,
  expectFailure,
  liveSignal,
} from './__fixtures__/emulator-fixture';
import type { AzureKeyVaultConfigInput } from './azure-key-vault-config';
import { provider } from './azure-key-vault-definition';

/** A cloud at its real hosts: where the vault and Entra ID answer, and the vault's resource. */
interface Cloud {
  name: string;
  vaultUrl: string;
  authorityHost: string;
  /** Where MSAL sends the token requests for `authorityHost`, when elsewhere. */
  tokenHosts?: readonly string[];
  resource: string;
}

const publicCloud: Cloud = {
  name: 'Azure public cloud',
  vaultUrl: 'https://myvault.vault.azure.net',
  authorityHost: 'https://login.microsoftonline.com',
  resource: 'https://vault.azure.net',
};
const clouds: readonly Cloud[] = [
  publicCloud,
  {
    name: 'Azure China',
    vaultUrl: 'https://myvault.vault.azure.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    tokenHosts: ['https://login.partner.microsoftonline.cn'],
    resource: 'https://vault.azure.cn',
  },
  {
    name: 'Azure US Government',
    vaultUrl: 'https://myvault.vault.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    resource: 'https://vault.usgovcloudapi.net',
  },
];

const names = ['a', 'b', 'c', 'd'];
const otherTenant = '00000000-1111-4222-8333-444444444444';
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** A request as it arrived, with how many reads had been answered by then. */
interface Arrival {
  operation: string;
  readsAnswered: number;
}

/**
 * The emulator at a cloud's real hosts through nock, answering after `latencyMs`, noting each
 * request as it arrives: a read that waited for another read's answer shows up here.
 */
function mountCloud(cloud: Cloud, state: AzureKeyVaultEmulatorState = {}, latencyMs = 100) {
  const store = new AzureKeyVaultEmulatorStore({
    principals: [{ clientId, clientSecret }],
    secrets: names.map((name) => ({ name, versions: [canaryValue(name)] })),
    resource: cloud.resource,
    authorityHost: cloud.authorityHost,
    ...state,
  });
  const log = new RequestLog();
  const arrivals: Arrival[] = [];
  const handler = createAzureKeyVaultEmulatorHandler(store);
  const observed: EmulatorHandler = (request) => {
    const answer = handler(request);
    arrivals.push({ operation: answer.operation, readsAnswered: log.count('read') });
    return answer;
  };
  for (const origin of [cloud.vaultUrl, cloud.authorityHost, ...(cloud.tokenHosts ?? [])]) {
    mountOnNock(nock, origin, { handler: observed, log, latency: () => latencyMs });
  }
  const create = (overrides: Partial<AzureKeyVaultConfigInput> = {}) =>
    provider.create(
      provider.parseConfig({
        vaultUrl: cloud.vaultUrl,
        authorityHost: cloud.authorityHost,
        tenantId: store.tenantId,
        clientId,
        clientSecret,
        ...overrides,
      }),
      { logger: silent, now: Date.now },
    );
  const operations = () => log.entries.map((entry) => entry.operation);
  return { store, log, arrivals, create, operations };
}

const readAll = (reader: ReturnType<ReturnType<typeof mountCloud>['create']>) =>
  Promise.all(names.map((name) => reader.read({ path: name }, { signal: liveSignal() })));

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('the first reads of a fresh provider at the real hosts (nock)', () => {
  it.each(clouds)(
    '$name: one token request, then every read at once; no challenge, no metadata request',
    async (cloud) => {
      const mounted = mountCloud(cloud);
      const values = await readAll(mounted.create());
      expect(values.map((data) => data.values.value)).toEqual(names.map(canaryValue));
      const reads = mounted.arrivals.filter((arrival) => arrival.operation === 'read');
      expect({
        arrived: mounted.arrivals.map((arrival) => arrival.operation),
        // How many reads had been answered when each read arrived: none, if no read waited for
        // another, that is, if they all left together as soon as the token was there.
        readsAnsweredBefore: reads.map((arrival) => arrival.readsAnswered),
      }).toEqual({
        arrived: ['token', ...names.map(() => 'read')],
        readsAnsweredBefore: names.map(() => 0),
      });
      expect(mounted.operations()).toEqual(['token', ...names.map(() => 'read')]);
    },
  );

  it('keeps the challenge flow, one challenge for concurrent reads, for a vault outside the known clouds', async () => {
    const mounted = mountCloud({
      ...publicCloud,
      name: 'elsewhere',
      vaultUrl: 'https://myvault.vault.example.test',
      resource: 'https://vault.example.test',
    });
    const values = await readAll(mounted.create());
    expect(values.map((data) => data.values.value)).toEqual(names.map(canaryValue));
    expect(mounted.operations()).toEqual(['challenge', 'token', ...names.map(() => 'read')]);
  });

  it('names the tenant to set when a principal of another tenant gets a token the vault refuses', async () => {
    const mounted = mountCloud(publicCloud, {
      principals: [{ clientId, clientSecret, tenantId: otherTenant }],
    });
    const error = await expectFailure(
      () => mounted.create({ tenantId: otherTenant }).read({ path: 'a' }, { signal: liveSignal() }),
      'AUTHENTICATION_FAILED',
    );
    expect(error.message).toContain(`belongs to tenant ${mounted.store.tenantId}`);
    expect(error.message).toContain(`set tenantId to ${mounted.store.tenantId}`);
    // The vault's challenge named its own tenant: no second token request, for that tenant.
    expect(mounted.operations()).toEqual(['token', 'rejected-token']);
  });

  it('lets one read give up during the shared token request while the others go on', async () => {
    const mounted = mountCloud(publicCloud, {}, 200);
    const reader = mounted.create();
    const quitter = new AbortController();
    const abandoned = reader.read({ path: 'a' }, { signal: quitter.signal });
    const patient = reader.read({ path: 'b' }, { signal: liveSignal() });
    await vi.waitFor(() => expect(mounted.arrivals).toHaveLength(1), { timeout: 5_000 });
    quitter.abort();
    await expectFailure(() => abandoned, 'CANCELLED');
    expect((await patient).values.value).toBe(canaryValue('b'));
    expect(mounted.operations()).toEqual(['token', 'read']);
  });
});

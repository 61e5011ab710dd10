import {
  AZURE_KEY_VAULT_EMULATOR_TENANT_ID,
  type AzureKeyVaultNockOptions,
  mountAzureKeyVaultEmulatorOnNock,
} from '@fromsecret/testkit';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  canaryValue,
  clientId,
  clientSecret,
  expectFailure,
  liveSignal,
} from './__fixtures__/emulator-fixture';
import type { AzureKeyVaultConfigInput } from './azure-key-vault-config';
import { provider } from './azure-key-vault-definition';

const otherTenant = '00000000-1111-4222-8333-444444444444';

/** The real hosts, served by the emulator through nock, read with the default `provider`. */
function mount(options: AzureKeyVaultNockOptions = {}) {
  const handle = mountAzureKeyVaultEmulatorOnNock(nock, {
    principals: [{ clientId, clientSecret }],
    secrets: [{ name: 'api-key', versions: [canaryValue('one')] }],
    ...options,
  });
  const config = (overrides: Partial<AzureKeyVaultConfigInput> = {}) => ({
    vaultUrl: handle.vaultUrl,
    tenantId: handle.tenantId,
    clientId,
    clientSecret,
    ...(options.authorityHost === undefined ? {} : { authorityHost: options.authorityHost }),
    ...overrides,
  });
  const create = (overrides: Partial<AzureKeyVaultConfigInput> = {}) =>
    provider.create(provider.parseConfig(config(overrides)), { logger: silent, now: Date.now });
  return { handle, create };
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('the default provider at the real hosts (nock)', () => {
  it('reads after one token request, without a challenge, with every SDK check on', async () => {
    const { handle, create } = mount();
    const data = await create().read({ path: 'api-key' }, { signal: liveSignal() });
    expect(data.values.value).toBe(canaryValue('one'));
    expect(handle.log.entries.map((entry) => `${entry.operation} ${entry.status}`)).toEqual([
      'token 200',
      'read 200',
    ]);
  });

  it('reads from a sovereign cloud through its authority host', async () => {
    const { handle, create } = mount({
      vaultUrl: 'https://myvault.vault.azure.cn',
      authorityHost: 'https://login.chinacloudapi.cn',
      authorityAliases: ['https://login.partner.microsoftonline.cn'],
      resource: 'https://vault.azure.cn',
    });
    const data = await create().read({ path: 'api-key' }, { signal: liveSignal() });
    expect(data.values.value).toBe(canaryValue('one'));
    expect(handle.log.count('token')).toBe(1);
  });

  it('refuses a vault whose challenge names a resource outside its host, sending no token', async () => {
    const { handle, create } = mount({ vaultUrl: 'https://myvault.example.com' });
    const error = await expectFailure(
      () => create().read({ path: 'api-key' }, { signal: liveSignal() }),
      'PROVIDER_ERROR',
    );
    expect(error.message).toMatch(/asked for a token for another domain/);
    expect(handle.log.count('token')).toBe(0);
  });

  it('fails concurrent reads with a wrong client secret after one token request', async () => {
    const { handle, create } = mount();
    const reader = create({ clientSecret: 'CANARY-WRONG-SECRET-7f3a' });
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map(() => reader.read({ path: 'api-key' }, { signal: liveSignal() })),
    );
    for (const outcome of outcomes) {
      expect(outcome.status === 'rejected' && (outcome.reason as { code: string }).code).toBe(
        'AUTHENTICATION_FAILED',
      );
    }
    expect(handle.log.entries.map((entry) => entry.operation)).toEqual(['token']);
  });

  it('fails after one token request, naming tenantId, when the app is not in that tenant', async () => {
    const { handle, create } = mount({
      tenants: [AZURE_KEY_VAULT_EMULATOR_TENANT_ID, otherTenant],
    });
    const error = await expectFailure(
      () => create({ tenantId: otherTenant }).read({ path: 'api-key' }, { signal: liveSignal() }),
      'AUTHENTICATION_FAILED',
    );
    expect(error.message).toContain(`in tenant ${otherTenant} (AADSTS700016)`);
    expect(error.message).toContain("check that tenantId is the app's tenant");
    expect(handle.log.entries.map((entry) => entry.operation)).toEqual(['token']);
  });

  it('names tenantId and the sovereign authority hosts when Entra ID does not know the tenant', async () => {
    const { create } = mount({ tenants: [otherTenant] });
    const error = await expectFailure(
      () => create().read({ path: 'api-key' }, { signal: liveSignal() }),
      'AUTHENTICATION_FAILED',
    );
    expect(error.message).toMatch(/AADSTS90002.*set tenantId .*https:\/\/login\.chinacloudapi\.cn/);
  });

  it('maps a throttled token request to RATE_LIMITED with Retry-After', async () => {
    const { handle, create } = mount();
    handle.faults.inject(
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '4' },
        body: { error: 'temporarily_unavailable', error_codes: [] },
      },
      { operation: 'token' },
    );
    const error = await expectFailure(
      () => create().read({ path: 'api-key' }, { signal: liveSignal() }),
      'RATE_LIMITED',
    );
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 4000 });
  });
});

import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { mountAzureKeyVaultEmulatorOnNock } from './start-azure-key-vault-emulator';

const clientId = '11111111-2222-4333-8444-555555555555';
const clientSecret = 'CANARY-AZURE-EMULATOR-SECRET-7f3a';
const seeded = () => ({
  principals: [{ clientId, clientSecret }],
  secrets: [{ name: 'api-key', versions: ['one', 'two'] }],
});

describe('mountAzureKeyVaultEmulatorOnNock', () => {
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('serves the vault and Entra ID at their real origins, with latency', async () => {
    nock.disableNetConnect();
    const handle = mountAzureKeyVaultEmulatorOnNock(nock, seeded());
    const challenge = await fetch(
      'https://myvault.vault.azure.net/secrets/api-key/?api-version=2025-07-01',
    );
    expect(challenge.headers.get('www-authenticate')).toBe(
      `Bearer authorization="https://login.microsoftonline.com/${handle.tenantId}", resource="https://vault.azure.net"`,
    );
    const token = await fetch(
      `https://login.microsoftonline.com/${handle.tenantId}/oauth2/v2.0/token`,
      {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          scope: 'https://vault.azure.net/.default',
        }),
      },
    );
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    handle.setLatency(200);
    const started = Date.now();
    const secret = await fetch(
      'https://myvault.vault.azure.net/secrets/api-key/?api-version=2025-07-01',
      {
        headers: { authorization: `Bearer ${accessToken}` },
      },
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(await secret.json()).toMatchObject({
      value: 'two',
      id: expect.stringMatching(
        /^https:\/\/myvault\.vault\.azure\.net\/secrets\/api-key\/[0-9a-f]{32}$/,
      ),
    });
    expect(handle.log.entries.map((entry) => entry.operation)).toEqual([
      'challenge',
      'token',
      'read',
    ]);
  });
});

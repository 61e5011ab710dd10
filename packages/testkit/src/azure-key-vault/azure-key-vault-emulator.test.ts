import https from 'node:https';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyVaultThrottledFault } from './azure-error-responses';
import type { AzureKeyVaultEmulatorState } from './azure-key-vault-emulator-types';
import {
  type AzureKeyVaultEmulator,
  startAzureKeyVaultEmulator,
} from './start-azure-key-vault-emulator';

const clientId = '11111111-2222-4333-8444-555555555555';
const clientSecret = 'CANARY-AZURE-EMULATOR-SECRET-7f3a';
let clock = 1_000_000_000_000;

function seeded(): AzureKeyVaultEmulatorState {
  return {
    now: () => clock,
    tokenLifetimeSeconds: 60,
    principals: [
      { clientId, clientSecret, deniedSecrets: ['locked'] },
      { clientId: '99999999-2222-4333-8444-555555555555', clientSecret, canRead: false },
    ],
    secrets: [
      { name: 'api-key', versions: ['one', 'two'] },
      { name: 'locked', versions: ['no'] },
      { name: 'retired', versions: [{ value: 'old', enabled: false }] },
    ],
  };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

function send(
  url: string,
  ca: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      { ca, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        let text = '';
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text === '' ? {} : JSON.parse(text),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('startAzureKeyVaultEmulator', () => {
  let emulator: AzureKeyVaultEmulator;
  const tokenFor = async (id = clientId, secret = clientSecret, tenant = emulator.tenantId) =>
    send(`${emulator.authorityHost}/${tenant}/oauth2/v2.0/token`, emulator.caCert, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: id,
        client_secret: secret,
        scope: 'https://vault.azure.net/.default',
      }).toString(),
    });
  const read = (path: string, token?: string) =>
    send(
      `${emulator.vaultUrl}${path}?api-version=2025-07-01`,
      emulator.caCert,
      token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
    );
  const bearer = async (id = clientId) => (await tokenFor(id)).body.access_token as string;

  beforeEach(async () => {
    emulator = await startAzureKeyVaultEmulator(seeded());
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('answers a read without a token with the 401 challenge naming its tenant and resource', async () => {
    const answer = await read('/secrets/api-key/');
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe(
      `Bearer authorization="${emulator.authorityHost}/${emulator.tenantId}", resource="https://vault.azure.net"`,
    );
    expect(emulator.log.entries.map((entry) => entry.operation)).toEqual(['challenge']);
  });

  it('issues a client-credentials token and serves the latest and a pinned version with their ids', async () => {
    const token = await tokenFor();
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'Bearer', expires_in: 60 });
    const [first, second] = emulator.store.versionIds('api-key');
    const latest = await read('/secrets/api-key/', token.body.access_token as string);
    expect(latest.body).toMatchObject({
      value: 'two',
      id: `${emulator.vaultUrl}/secrets/api-key/${second}`,
    });
    const pinned = await read(`/secrets/api-key/${first}`, token.body.access_token as string);
    expect(pinned.body.value).toBe('one');
    expect(emulator.secretReadCount()).toBe(2);
  });

  it('serves the OpenID configuration of a known tenant on its own origin', async () => {
    const answer = await send(
      `${emulator.authorityHost}/${emulator.tenantId}/v2.0/.well-known/openid-configuration`,
      emulator.caCert,
    );
    expect(answer.body.token_endpoint).toBe(
      `${emulator.authorityHost}/${emulator.tenantId}/oauth2/v2.0/token`,
    );
    expect(answer.body.issuer).toBe(`${emulator.authorityHost}/${emulator.tenantId}/v2.0`);
  });

  it("refuses tokens with Entra ID's AADSTS errors: bad secret, unknown client, unknown tenant", async () => {
    const badSecret = await tokenFor(clientId, 'CANARY-WRONG-7f3a');
    expect(badSecret.status).toBe(401);
    expect(badSecret.body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    const unknownClient = await tokenFor('00000000-2222-4333-8444-555555555555');
    expect(unknownClient.body).toMatchObject({
      error: 'unauthorized_client',
      error_codes: [700016],
    });
    const unknownTenant = await tokenFor(
      clientId,
      clientSecret,
      '00000000-0000-4000-8000-000000000000',
    );
    expect(unknownTenant.status).toBe(400);
    expect(unknownTenant.body).toMatchObject({ error_codes: [90002] });
    expect(JSON.stringify([badSecret, unknownClient, unknownTenant])).not.toContain(clientSecret);
  });

  it('denies by access policy or by RBAC, disabled secrets, and misses with Key Vault bodies', async () => {
    const token = await bearer();
    const denied = await read('/secrets/locked/', token);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      error: { code: 'Forbidden', innererror: { code: 'ForbiddenByPolicy' } },
    });
    emulator.store.permissionModel = 'rbac';
    const byRole = await read(
      '/secrets/api-key/',
      await bearer('99999999-2222-4333-8444-555555555555'),
    );
    expect(byRole.body).toMatchObject({ error: { innererror: { code: 'ForbiddenByRbac' } } });
    const disabled = await read('/secrets/retired/', token);
    expect(disabled.body).toMatchObject({
      error: {
        message: 'Operation get is not allowed on a disabled secret.',
        innererror: { code: 'SecretDisabled' },
      },
    });
    expect((await read('/secrets/absent/', token)).body).toMatchObject({
      error: { code: 'SecretNotFound' },
    });
    const missingVersion = await read(`/secrets/api-key/${'0'.repeat(32)}`, token);
    expect(missingVersion.status).toBe(404);
    expect(emulator.secretReadCount()).toBe(0);
  });

  it('rejects an expired or unknown token with a fresh challenge, on its own clock', async () => {
    const token = await bearer();
    clock += 61_000;
    const expired = await read('/secrets/api-key/', token);
    expect(expired.status).toBe(401);
    expect(expired.headers['www-authenticate']).toMatch(/^Bearer authorization=/);
    expect((await read('/secrets/api-key/', 'eyJunknown.token.value')).status).toBe(401);
    expect(emulator.log.count('rejected-token')).toBe(2);
  });

  it('throttles with a fault that carries Retry-After', async () => {
    const token = await bearer();
    emulator.faults.inject(keyVaultThrottledFault(2), { operation: 'read' });
    const throttled = await read('/secrets/api-key/', token);
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('2');
    expect((await read('/secrets/api-key/', token)).status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import type { AzureKeyVaultConfig } from './azure-key-vault-config';
import type { EntraFailure } from './entra-failure-recorder';
import { mapEntraError } from './map-entra-error';

const clientSecret = 'CANARY-CLIENT-SECRET-7f3a';
const config: AzureKeyVaultConfig = {
  vaultUrl: 'https://myvault.vault.azure.net',
  tenantId: '8f2c7a3e-5b1d-4c6e-9a0f-3d2b1c4e5f60',
  clientId: '11111111-2222-4333-8444-555555555555',
  clientSecret,
  authorityHost: 'https://login.microsoftonline.com',
};
const msalError = new Error(`invalid_client: something went wrong with ${clientSecret}`);
const map = (failure: EntraFailure | undefined, error: unknown = msalError) =>
  mapEntraError(error, { config, failure, now: 0 });

describe('mapEntraError', () => {
  it('names the setting to fix for each AADSTS code', () => {
    const secret = map({ status: 401, error: 'invalid_client', codes: [7000215] });
    expect(secret).toMatchObject({ code: 'AUTHENTICATION_FAILED', retryable: false });
    expect(secret.message).toMatch(/rejected clientSecret .* Value \(not its Secret ID\)/);
    expect(map({ status: 401, codes: [7000222] }).message).toMatch(/clientSecret .* has expired/);
    expect(map({ status: 400, codes: [700016] }).message).toMatch(
      /no application with clientId .* Object ID/,
    );
    const tenant = map({ status: 400, codes: [90002] });
    expect(tenant.message).toMatch(
      /has no tenant 8f2c7a3e.*set tenantId .* authorityHost to https:\/\/login\.chinacloudapi\.cn/,
    );
  });

  it('reads AADSTS codes from the message when nothing was recorded', () => {
    const error = map(
      undefined,
      new Error('AADSTS700016: Application with identifier was not found'),
    );
    expect(error.message).toMatch(/AADSTS700016/);
  });

  it('maps transport failures to UNREACHABLE and TLS_ERROR naming authorityHost', () => {
    const refused = map({
      codes: [],
      transportError: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(refused.code).toBe('UNREACHABLE');
    expect(refused.message).toContain(config.authorityHost);
    const tls = map({ codes: [], transportError: { code: 'SELF_SIGNED_CERT_IN_CHAIN' } });
    expect(tls.code).toBe('TLS_ERROR');
  });

  it('maps 429 to RATE_LIMITED with Retry-After, and 503 to a retryable PROVIDER_ERROR', () => {
    expect(map({ status: 429, codes: [], retryAfter: '3' })).toMatchObject({
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfterMs: 3000,
    });
    expect(map({ status: 503, codes: [] })).toMatchObject({
      code: 'PROVIDER_ERROR',
      retryable: true,
    });
  });

  it('falls back to AUTHENTICATION_FAILED naming every setting, and never keeps the client secret', () => {
    const error = map({ status: 400, error: 'invalid_request', codes: [] });
    expect(error.code).toBe('AUTHENTICATION_FAILED');
    expect(error.message).toMatch(
      /invalid_request.*check tenantId, clientId, clientSecret and authorityHost/,
    );
    expect(String(error.cause)).not.toContain(clientSecret);
    expect(String((error.cause as Error).stack)).not.toContain(clientSecret);
  });
});

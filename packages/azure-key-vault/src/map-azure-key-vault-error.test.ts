import { SecretError } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import type { AzureKeyVaultConfig } from './azure-key-vault-config';
import { mapAzureKeyVaultError } from './map-azure-key-vault-error';

const clientSecret = 'CANARY-CLIENT-SECRET-7f3a';
const token =
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3ZhdWx0In0.c2lnbmF0dXJlLXZhbHVl';
const config: AzureKeyVaultConfig = {
  vaultUrl: 'https://myvault.vault.azure.net',
  tenantId: '8f2c7a3e-5b1d-4c6e-9a0f-3d2b1c4e5f60',
  clientId: '11111111-2222-4333-8444-555555555555',
  clientSecret,
  authorityHost: 'https://login.microsoftonline.com',
};
const now = Date.parse('2026-01-01T00:00:00Z');

/** An error shaped like the SDK's RestError, request and response (with credentials) attached. */
function restError(
  statusCode: number,
  code: string,
  innerCode?: string,
  headers: Record<string, string> = {},
) {
  return Object.assign(new Error(`service said ${code} (${clientSecret})`), {
    name: 'RestError',
    statusCode,
    code,
    request: {
      url: 'https://myvault.vault.azure.net/secrets/api-key/',
      headers: { authorization: `Bearer ${token}` },
    },
    response: {
      status: statusCode,
      headers: { get: (name: string) => headers[name] },
      bodyAsText: `{"token":"${token}"}`,
    },
    details: {
      error: { code, ...(innerCode === undefined ? {} : { innerError: { code: innerCode } }) },
    },
  });
}

const read = (error: unknown, version?: string) =>
  mapAzureKeyVaultError(error, {
    config,
    address: { name: 'api-key', ...(version ? { version } : {}) },
    now,
  });

describe('mapAzureKeyVaultError', () => {
  it('maps socket failures to UNREACHABLE, TIMEOUT and TLS_ERROR, naming the vault', () => {
    const refused = read(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    );
    expect(refused).toMatchObject({ code: 'UNREACHABLE', retryable: false });
    expect(refused.message).toContain(config.vaultUrl);
    expect(read(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })).code).toBe('TIMEOUT');
    const tls = read(Object.assign(new Error('x'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }));
    expect(tls.code).toBe('TLS_ERROR');
    expect(tls.message).toMatch(/NODE_EXTRA_CA_CERTS/);
    const cut = read(
      Object.assign(new Error('Error reading response as text: aborted'), { code: 'PARSE_ERROR' }),
    );
    expect(cut.code).toBe('UNREACHABLE');
    expect(read(Object.assign(new Error('Unexpected token <'), { code: 'PARSE_ERROR' })).code).toBe(
      'PROVIDER_ERROR',
    );
  });

  it('maps 429 to RATE_LIMITED with the Retry-After delay, and 503 to a retryable PROVIDER_ERROR', () => {
    const throttled = read(restError(429, 'Throttled', undefined, { 'retry-after': '7' }));
    expect(throttled).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 7000 });
    expect(read(restError(503, 'ServiceUnavailable'))).toMatchObject({
      code: 'PROVIDER_ERROR',
      retryable: true,
    });
    expect(read(restError(500, 'InternalError'))).toMatchObject({
      code: 'PROVIDER_ERROR',
      retryable: false,
    });
    expect(read(restError(400, 'BadParameter')).message).toMatch(/vaultUrl/);
  });

  it('tells each 403 apart by its inner code, with the fix', () => {
    expect(read(restError(403, 'Forbidden', 'ForbiddenByPolicy')).message).toMatch(
      /az keyvault set-policy .* --secret-permissions get/,
    );
    expect(read(restError(403, 'Forbidden', 'ForbiddenByRbac')).message).toMatch(
      /"Key Vault Secrets User" role/,
    );
    expect(read(restError(403, 'Forbidden', 'SecretDisabled')).message).toMatch(/is disabled/);
    expect(read(restError(403, 'Forbidden', 'ForbiddenByFirewall')).message).toMatch(/Networking/);
    for (const inner of ['ForbiddenByPolicy', 'SecretDisabled', 'Unknown']) {
      expect(read(restError(403, 'Forbidden', inner)).code).toBe('PERMISSION_DENIED');
    }
  });

  it('maps 404 to SECRET_NOT_FOUND, or VERSION_NOT_FOUND for a pinned version', () => {
    expect(read(restError(404, 'SecretNotFound')).code).toBe('SECRET_NOT_FOUND');
    const version = read(restError(404, 'SecretNotFound'), '0d1c2e673df10926420c3856bb9187f2');
    expect(version.code).toBe('VERSION_NOT_FOUND');
    expect(version.message).toMatch(/az keyvault secret list-versions/);
  });

  it('maps 401 to AUTHENTICATION_FAILED and a refused challenge to PROVIDER_ERROR', () => {
    expect(read(restError(401, 'Unauthorized')).code).toBe('AUTHENTICATION_FAILED');
    const challenge = read(
      new Error(
        "The challenge resource 'vault.azure.net' does not match the requested domain. Set disableChallengeResourceVerification to true",
      ),
    );
    expect(challenge.code).toBe('PROVIDER_ERROR');
    expect(challenge.message).toMatch(/asked for a token for another domain/);
  });

  it('keeps a sanitized cause: no request, response, token or client secret', () => {
    const error = read(restError(403, 'Forbidden', 'ForbiddenByPolicy'));
    const cause = error.cause as Record<string, unknown>;
    expect(cause).toMatchObject({ name: 'RestError', code: 'Forbidden', status: 403 });
    expect(cause.request).toBeUndefined();
    expect(cause.response).toBeUndefined();
    const texts = [
      error.message,
      JSON.stringify(error.toJSON()),
      String(error.cause),
      String((error.cause as Error).stack),
    ];
    for (const text of texts) {
      expect(text).not.toContain(clientSecret);
      expect(text).not.toContain(token);
    }
  });

  it('passes a SecretError through unchanged', () => {
    const original = new SecretError({
      code: 'AUTHENTICATION_FAILED',
      message: 'from the token source',
    });
    expect(read(original)).toBe(original);
  });
});

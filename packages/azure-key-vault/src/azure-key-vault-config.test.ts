import { SecretError } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { azureKeyVaultFields, parseAzureKeyVaultConfig } from './azure-key-vault-config';

const clientSecret = 'CANARY-CLIENT-SECRET-7f3a';
const valid = {
  vaultUrl: 'https://myvault.vault.azure.net/',
  tenantId: '8f2c7a3e-5b1d-4c6e-9a0f-3d2b1c4e5f60',
  clientId: '11111111-2222-4333-8444-555555555555',
  clientSecret,
};

function issuesOf(input: unknown): readonly string[] {
  try {
    parseAzureKeyVaultConfig(input);
  } catch (error) {
    expect(SecretError.isInstance(error) && error.code).toBe('INVALID_CONFIG');
    return (error as SecretError).issues ?? [];
  }
  return expect.fail('the settings were accepted');
}

describe('parseAzureKeyVaultConfig', () => {
  it('accepts valid settings, reduces the URLs to origins and applies the public cloud default', () => {
    expect(parseAzureKeyVaultConfig(valid)).toEqual({
      ...valid,
      vaultUrl: 'https://myvault.vault.azure.net',
      authorityHost: 'https://login.microsoftonline.com',
    });
  });

  it('keeps a sovereign authority host and accepts a verified domain as tenantId', () => {
    const config = parseAzureKeyVaultConfig({
      ...valid,
      vaultUrl: 'https://myvault.vault.azure.cn',
      tenantId: 'contoso.partner.onmschina.cn',
      authorityHost: 'https://login.chinacloudapi.cn/',
    });
    expect(config.authorityHost).toBe('https://login.chinacloudapi.cn');
    expect(config.tenantId).toBe('contoso.partner.onmschina.cn');
  });

  it('reports every problem at once, naming each setting and never quoting the secret', () => {
    const issues = issuesOf({
      vaultUrl: 'http://myvault.vault.azure.net',
      tenantId: 'common',
      clientId: 'my-app',
      clientSecret,
      authorityHost: 'https://login.microsoftonline.com/8f2c7a3e-5b1d-4c6e-9a0f-3d2b1c4e5f60',
      vaultUri: 'https://other',
    });
    expect(issues).toHaveLength(5);
    expect(issues.join('\n')).toMatch(/unknown setting "vaultUri"; did you mean "vaultUrl"/);
    expect(issues.find((issue) => issue.startsWith('"vaultUrl"'))).toMatch(/must use https/);
    expect(issues.find((issue) => issue.startsWith('"tenantId"'))).toMatch(/own tenant/);
    expect(issues.find((issue) => issue.startsWith('"clientId"'))).toMatch(
      /Application \(client\) ID/,
    );
    expect(issues.find((issue) => issue.startsWith('"authorityHost"'))).toMatch(/no path/);
    expect(issues.join('\n')).not.toContain(clientSecret);
  });

  it('requires the four credentials and the vault URL', () => {
    const issues = issuesOf({});
    expect(issues.map((issue) => issue.split(' ')[0])).toEqual([
      '"vaultUrl"',
      '"tenantId"',
      '"clientId"',
      '"clientSecret"',
    ]);
  });

  it('rejects a vault URL with a path, credentials or a tenant id that is neither GUID nor domain', () => {
    const issues = issuesOf({
      ...valid,
      vaultUrl: 'https://user:pass@myvault.vault.azure.net/secrets/x',
      tenantId: 'not a tenant',
    });
    expect(issues).toEqual([
      expect.stringMatching(/^"vaultUrl" must not carry a user name or password/),
      expect.stringMatching(/^"tenantId" must be the Directory \(tenant\) ID/),
    ]);
  });

  it('marks only clientSecret as secret, and documents the authority host default', () => {
    expect(azureKeyVaultFields.filter((field) => field.secret).map((field) => field.name)).toEqual([
      'clientSecret',
    ]);
    expect(azureKeyVaultFields.find((field) => field.name === 'authorityHost')?.default).toBe(
      'https://login.microsoftonline.com',
    );
  });
});

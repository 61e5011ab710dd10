import { describe, expect, it } from 'vitest';
import { checkLoadedPackages } from './module-checks';

describe('checkLoadedPackages', () => {
  it('passes an import that loaded none of the forbidden SDKs', () => {
    const check = checkLoadedPackages(
      '@fromsecret/vault',
      ['node-vault', '@azure/*', '@infisical/*'],
      ['@fromsecret/core', '@fromsecret/vault'],
    );
    expect(check).toEqual({
      package: '@fromsecret/vault',
      ok: true,
      detail: 'loads none of node-vault, @azure/*, @infisical/*',
    });
  });

  it('fails an import that loaded one, naming each package found', () => {
    const check = checkLoadedPackages(
      '@fromsecret/vault',
      ['node-vault', '@azure/*'],
      ['@azure-rest/core-client', '@azure/identity', '@fromsecret/vault', 'node-vault'],
    );
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('node-vault (node-vault)');
    expect(check.detail).toContain('@azure/identity (@azure/*)');
    expect(check.detail).toContain('@azure-rest/core-client (@azure/*)');
  });

  it('lets a provider load its own SDK', () => {
    const loaded = ['@azure/identity', '@azure/keyvault-secrets', '@fromsecret/azure-key-vault'];
    expect(checkLoadedPackages('@fromsecret/azure-key-vault', ['node-vault'], loaded).ok).toBe(
      true,
    );
  });
});

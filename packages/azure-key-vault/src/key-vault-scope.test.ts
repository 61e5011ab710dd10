import { describe, expect, it } from 'vitest';
import { knownVaultScope } from './key-vault-scope';

describe('knownVaultScope', () => {
  it.each([
    ['https://myvault.vault.azure.net', 'https://vault.azure.net/.default'],
    ['https://MyVault.Vault.Azure.Net', 'https://vault.azure.net/.default'],
    ['https://myvault.vault.azure.cn', 'https://vault.azure.cn/.default'],
    ['https://myvault.vault.usgovcloudapi.net', 'https://vault.usgovcloudapi.net/.default'],
  ])('knows the scope of %s', (vaultUrl, scope) => {
    expect(knownVaultScope(vaultUrl)).toBe(scope);
  });

  it.each([
    'https://myvault.vault.azure.net.example.com',
    'https://myvault-vault.azure.net',
    'https://vault.azure.net',
    'https://myvault.managedhsm.azure.net',
    'https://myvault.example.com',
    'https://127.0.0.1:8443',
  ])(
    'leaves %s to the challenge: only a vault name under a Key Vault suffix counts',
    (vaultUrl) => {
      expect(knownVaultScope(vaultUrl)).toBeUndefined();
    },
  );
});

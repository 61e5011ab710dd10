/**
 * Key Vault's DNS suffix in each Azure cloud, and the scope of the tokens its vaults take (the
 * resource their 401 challenge names, plus `/.default`): the public cloud, Azure China (21Vianet)
 * and Azure US Government.
 */
const scopesBySuffix: readonly (readonly [suffix: string, scope: string])[] = [
  ['.vault.azure.net', 'https://vault.azure.net/.default'],
  ['.vault.azure.cn', 'https://vault.azure.cn/.default'],
  ['.vault.usgovcloudapi.net', 'https://vault.usgovcloudapi.net/.default'],
];

/** The public cloud's Key Vault scope; the emulator issues its tokens for it too. */
export const PUBLIC_CLOUD_VAULT_SCOPE = 'https://vault.azure.net/.default';

/**
 * The scope of the tokens the vault at `vaultUrl` takes, when its host's DNS suffix is one of
 * Key Vault's in a known cloud; `undefined` for any other host, for which only the vault's 401
 * challenge can tell.
 */
export function knownVaultScope(vaultUrl: string): string | undefined {
  const host = new URL(vaultUrl).hostname.toLowerCase();
  return scopesBySuffix.find(([suffix]) => host.endsWith(suffix))?.[1];
}

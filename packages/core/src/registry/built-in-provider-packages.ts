/**
 * The providers this project publishes, by type. The registry imports one of these packages
 * only when an integration of that type is first used, so a server that uses Vault never
 * loads the Azure SDK.
 */
export const BUILT_IN_PROVIDER_PACKAGES: Readonly<Record<string, string>> = Object.freeze({
  vault: '@fromsecret/vault',
  azure_key_vault: '@fromsecret/azure-key-vault',
  infisical: '@fromsecret/infisical',
});

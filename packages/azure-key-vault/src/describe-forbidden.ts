import type { AzureKeyVaultConfig } from './azure-key-vault-config';

/**
 * The message for a 403 from Key Vault, by the inner error code Key Vault sends: which
 * permission model refused, or why the secret cannot be read, and the fix.
 */
export function describeForbidden(
  innerCode: string | undefined,
  target: string,
  config: AzureKeyVaultConfig,
): string {
  const principal = `the service principal (client ${config.clientId})`;
  switch (innerCode) {
    case 'SecretDisabled':
      return `${target} in Azure Key Vault ${config.vaultUrl} is disabled, and Key Vault refuses to read a disabled secret; enable it (az keyvault secret set-attributes --enabled true) or reference another version`;
    case 'ForbiddenByPolicy':
    case 'AccessDenied':
      return `Azure Key Vault ${config.vaultUrl} denied ${principal} reading ${target}: its access policies do not grant the "get" secret permission; add an access policy with secret permission Get for the principal (az keyvault set-policy --name <vault> --spn ${config.clientId} --secret-permissions get)`;
    case 'ForbiddenByRbac':
      return `Azure Key Vault ${config.vaultUrl} denied ${principal} reading ${target}: no role assignment allows it; assign the "Key Vault Secrets User" role to the principal on the vault (az role assignment create --role "Key Vault Secrets User" --assignee ${config.clientId} --scope <vault resource id>)`;
    case 'ForbiddenByFirewall':
    case 'ForbiddenByConnection':
      return `Azure Key Vault ${config.vaultUrl} refused the connection from this host while reading ${target} (${innerCode}): its network rules do not admit it; add this host's address under the vault's Networking settings, or reach it through a private endpoint`;
    default:
      return `Azure Key Vault ${config.vaultUrl} denied ${principal} reading ${target} (${innerCode ?? 'Forbidden'}); grant the principal the "get" secret permission (access policy) or the "Key Vault Secrets User" role (Azure RBAC)`;
  }
}

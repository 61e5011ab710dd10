/** A service principal (app registration with a client secret), as the emulator knows it. */
export interface AzureKeyVaultEmulatorPrincipal {
  /** The Application (client) ID. */
  clientId: string;
  /** The client secret's value. */
  clientSecret: string;
  /** The principal's tenant. @default the vault's tenant */
  tenantId?: string;
  /**
   * Whether the vault lets the principal read secrets: the `get` secret permission in an
   * access policy, or the "Key Vault Secrets User" role. @default true
   */
  canRead?: boolean;
  /** Secrets it may not read even so (a role assigned on single secrets, say). @default [] */
  deniedSecrets?: readonly string[];
}

/** One version of a secret: its value, and whether it is enabled. */
export interface AzureKeyVaultEmulatorVersion {
  value: string;
  /** @default true */
  enabled?: boolean;
}

/** A secret to seed: its versions, oldest first (the last is the latest). */
export interface AzureKeyVaultEmulatorSecret {
  /** The secret name (1-127 of 0-9 a-z A-Z -). */
  name: string;
  versions: readonly (string | AzureKeyVaultEmulatorVersion)[];
}

/** How the vault decides who may read: access policies, or Azure RBAC. */
export type AzureKeyVaultPermissionModel = 'access-policy' | 'rbac';

/** The emulated vault's and Entra ID's starting state. */
export interface AzureKeyVaultEmulatorState {
  /** The vault's tenant, which its 401 challenge names. @default '8f2c7a3e-5b1d-4c6e-9a0f-3d2b1c4e5f60' */
  tenantId?: string;
  /**
   * The tenants Entra ID knows (others get AADSTS90002).
   * @default the vault's tenant and every principal's
   */
  tenants?: readonly string[];
  principals?: readonly AzureKeyVaultEmulatorPrincipal[];
  secrets?: readonly AzureKeyVaultEmulatorSecret[];
  /** Which 403 a denied read gets: `ForbiddenByPolicy` or `ForbiddenByRbac`. @default 'access-policy' */
  permissionModel?: AzureKeyVaultPermissionModel;
  /** The resource the challenge names; tokens are issued for `<resource>/.default`. @default 'https://vault.azure.net' */
  resource?: string;
  /**
   * The authority the challenge names. @default the origin the request came to (the
   * loopback server serves the vault and Entra ID on one origin)
   */
  authorityHost?: string;
  /** Lifetime of issued access tokens. @default 3599 */
  tokenLifetimeSeconds?: number;
  /** The clock that decides token expiry, in milliseconds since the epoch. @default Date.now */
  now?: () => number;
}

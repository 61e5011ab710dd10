import { randomBytes } from 'node:crypto';
import type {
  AzureKeyVaultEmulatorPrincipal,
  AzureKeyVaultEmulatorState,
  AzureKeyVaultPermissionModel,
} from './azure-key-vault-emulator-types';

/** The default tenant of the emulated vault. */
export const AZURE_KEY_VAULT_EMULATOR_TENANT_ID = '8f2c7a3e-5b1d-4c6e-9a0f-3d2b1c4e5f60';

/** One stored version of a secret. */
export interface StoredSecretVersion {
  /** 32 lowercase hexadecimal characters, as Key Vault's version ids. */
  id: string;
  value: string;
  enabled: boolean;
  /** Seconds since the epoch, as Key Vault's `attributes.created`. */
  created: number;
}

/** An access token the emulated Entra ID issued. */
export interface IssuedAccessToken {
  clientId: string;
  tenantId: string;
  resource: string;
  /** Milliseconds since the epoch, on the store's clock. */
  expiresAt: number;
}

/** What a bearer token turned out to be. */
export type AzureKeyVaultTokenCheck =
  | { kind: 'valid'; token: IssuedAccessToken }
  | { kind: 'unknown' }
  | { kind: 'expired'; token: IssuedAccessToken };

/**
 * The emulated vault's secrets and Entra ID's tenants, principals and tokens. Tests change
 * it while the emulator runs (a new version, a disabled secret, another permission model).
 */
export class AzureKeyVaultEmulatorStore {
  /** The vault's tenant. */
  readonly tenantId: string;
  /** The resource the challenge names. */
  readonly resource: string;
  /** The authority the challenge names, when fixed. */
  authorityHost: string | undefined;
  /** Which 403 a denied read gets. */
  permissionModel: AzureKeyVaultPermissionModel;
  readonly now: () => number;
  private readonly tokenLifetimeSeconds: number;
  private readonly secrets = new Map<string, StoredSecretVersion[]>();
  private readonly principals = new Map<string, AzureKeyVaultEmulatorPrincipal>();
  private readonly tenants: Set<string>;
  private readonly tenantsGiven: boolean;
  private readonly tokens = new Map<string, IssuedAccessToken>();

  constructor(state: AzureKeyVaultEmulatorState = {}) {
    this.tenantId = state.tenantId ?? AZURE_KEY_VAULT_EMULATOR_TENANT_ID;
    this.resource = state.resource ?? 'https://vault.azure.net';
    this.authorityHost = state.authorityHost;
    this.permissionModel = state.permissionModel ?? 'access-policy';
    this.now = state.now ?? Date.now;
    this.tokenLifetimeSeconds = state.tokenLifetimeSeconds ?? 3599;
    this.tenantsGiven = state.tenants !== undefined;
    this.tenants = new Set(
      [...(state.tenants ?? [this.tenantId])].map((tenant) => tenant.toLowerCase()),
    );
    for (const principal of state.principals ?? []) this.addPrincipal(principal);
    for (const secret of state.secrets ?? []) {
      for (const version of secret.versions) {
        const { value, enabled } = typeof version === 'string' ? { value: version } : version;
        this.setSecret(secret.name, value, enabled === undefined ? {} : { enabled });
      }
    }
  }

  /** Adds a version to a secret (creating it) and returns the new version's id. */
  setSecret(name: string, value: string, options: { enabled?: boolean } = {}): string {
    const id = randomBytes(16).toString('hex');
    const versions = this.secrets.get(name.toLowerCase()) ?? [];
    versions.push({ id, value, enabled: options.enabled ?? true, created: this.seconds() });
    this.secrets.set(name.toLowerCase(), versions);
    return id;
  }

  /** The version ids of a secret, oldest first (empty when there is no such secret). */
  versionIds(name: string): string[] {
    return (this.secrets.get(name.toLowerCase()) ?? []).map((version) => version.id);
  }

  /** Enables or disables one version of a secret (the latest when `version` is absent). */
  setEnabled(name: string, enabled: boolean, version?: string): void {
    const versions = this.secrets.get(name.toLowerCase()) ?? [];
    const target = version === undefined ? versions.at(-1) : versions.find((v) => v.id === version);
    if (target === undefined) throw new Error(`the emulated vault has no secret ${name}`);
    target.enabled = enabled;
  }

  /** The latest version of a secret, or the one with id `version`. */
  findVersion(name: string, version?: string): StoredSecretVersion | undefined {
    const versions = this.secrets.get(name.toLowerCase());
    if (versions === undefined) return undefined;
    if (version === undefined || version === '') return versions.at(-1);
    return versions.find((candidate) => candidate.id === version.toLowerCase());
  }

  /**
   * Registers (or replaces) a service principal; its tenant becomes known to Entra ID unless
   * the state fixed the list of tenants.
   */
  addPrincipal(principal: AzureKeyVaultEmulatorPrincipal): void {
    this.principals.set(principal.clientId.toLowerCase(), principal);
    if (!this.tenantsGiven) this.tenants.add(this.tenantOf(principal).toLowerCase());
  }

  /** Whether Entra ID knows a tenant. */
  knowsTenant(tenantId: string): boolean {
    return this.tenants.has(tenantId.toLowerCase());
  }

  /** The principal with this client id in this tenant, if any. */
  findPrincipal(tenantId: string, clientId: string): AzureKeyVaultEmulatorPrincipal | undefined {
    const principal = this.principals.get(clientId.toLowerCase());
    if (principal === undefined) return undefined;
    return this.tenantOf(principal).toLowerCase() === tenantId.toLowerCase()
      ? principal
      : undefined;
  }

  /** Whether the vault lets the principal behind `clientId` read secret `name`. */
  mayRead(clientId: string, name: string): boolean {
    const principal = this.principals.get(clientId.toLowerCase());
    if (principal === undefined || principal.canRead === false) return false;
    const denied = (principal.deniedSecrets ?? []).map((secret) => secret.toLowerCase());
    return !denied.includes(name.toLowerCase());
  }

  /** Issues an access token and returns it with its lifetime in seconds. */
  issueToken(principal: AzureKeyVaultEmulatorPrincipal): {
    accessToken: string;
    expiresIn: number;
  } {
    const tenantId = this.tenantOf(principal);
    const expiresAt = this.now() + this.tokenLifetimeSeconds * 1000;
    const accessToken = jwtShaped({
      aud: this.resource,
      iss: `https://sts.windows.net/${tenantId}/`,
      tid: tenantId,
      appid: principal.clientId,
      exp: Math.floor(expiresAt / 1000),
    });
    this.tokens.set(accessToken, {
      clientId: principal.clientId,
      tenantId,
      resource: this.resource,
      expiresAt,
    });
    return { accessToken, expiresIn: this.tokenLifetimeSeconds };
  }

  /** Looks a bearer token up and checks its expiry on the store's clock. */
  checkToken(accessToken: string): AzureKeyVaultTokenCheck {
    const token = this.tokens.get(accessToken);
    if (token === undefined) return { kind: 'unknown' };
    return this.now() >= token.expiresAt ? { kind: 'expired', token } : { kind: 'valid', token };
  }

  /** How many access tokens Entra ID has issued. */
  issuedTokenCount(): number {
    return this.tokens.size;
  }

  private tenantOf(principal: AzureKeyVaultEmulatorPrincipal): string {
    return principal.tenantId ?? this.tenantId;
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }
}

/** A token in the JWT shape Entra ID issues (header.payload.signature), unsigned. */
function jwtShaped(payload: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ typ: 'JWT', alg: 'RS256' })}.${encode({ ...payload, jti: randomBytes(8).toString('hex') })}.${randomBytes(32).toString('base64url')}`;
}

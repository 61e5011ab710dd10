import { type ProviderContext, SecretError } from '@fromsecret/core';
import type { AzureKeyVaultConfig } from './azure-key-vault-config';
import type { EntraFailureRecorder } from './entra-failure-recorder';
import type { LoginSession } from './login-gate';
import { mapEntraError } from './map-entra-error';

/** An access token as Azure's `TokenCredential` returns it. */
export interface AccessTokenLike {
  token: string;
  expiresOnTimestamp: number;
  refreshAfterTimestamp?: number;
  tokenType?: 'Bearer' | 'pop';
}

/** The options Key Vault's challenge policy passes to `getToken`. */
export interface TokenRequestOptions {
  /** The tenant the vault's challenge names. */
  tenantId?: string;
  [option: string]: unknown;
}

/** The `getToken` of Azure's `TokenCredential`, without importing the SDK here. */
export interface TokenCredentialLike {
  getToken(
    scopes: string | string[],
    options?: TokenRequestOptions,
  ): Promise<AccessTokenLike | null>;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The credential the Key Vault client uses: it asks the client-secret credential for tokens
 * in the configured tenant only, and turns every failure into a `SecretError` naming the
 * setting to fix. MSAL caches the token for its lifetime; sharing one token request between
 * concurrent reads is `PreAuthorization`'s for vaults of the known clouds, and the SDK's token
 * cycler's once a vault's challenge was answered.
 */
export class VaultTokenSource implements TokenCredentialLike, LoginSession {
  private delivered = false;
  private throttledByEntra = false;
  private readonly loginErrors = new WeakSet<object>();

  constructor(
    private readonly credential: TokenCredentialLike,
    private readonly recorder: EntraFailureRecorder,
    private readonly config: AzureKeyVaultConfig,
    private readonly context: ProviderContext,
  ) {}

  get loggedIn(): boolean {
    return this.delivered;
  }

  /**
   * Whether Entra ID answered a token request with 429 or a 5xx. MSAL then refuses every token
   * request of this credential locally for `Retry-After` (a minute when absent), so the
   * resolver's retries would never reach Entra ID: such a credential must be replaced.
   */
  get throttled(): boolean {
    return this.throttledByEntra;
  }

  isLoginError(error: unknown): boolean {
    return typeof error === 'object' && error !== null && this.loginErrors.has(error);
  }

  getToken(
    scopes: string | string[],
    options: TokenRequestOptions = {},
  ): Promise<AccessTokenLike | null> {
    return this.requestToken(scopes, options);
  }

  /** {@link VaultTokenSource.getToken}, typed as it behaves: a token, or a `SecretError`. */
  async requestToken(
    scopes: string | string[],
    options: TokenRequestOptions = {},
  ): Promise<AccessTokenLike> {
    const { tenantId: challengeTenant, ...rest } = options;
    if (challengeTenant !== undefined && this.isOtherTenant(challengeTenant)) {
      throw this.remember(this.tenantMismatch(challengeTenant));
    }
    this.recorder.clear();
    let token: AccessTokenLike | null;
    try {
      token = await this.credential.getToken(scopes, rest);
    } catch (error) {
      const failure = this.recorder.last;
      const status = failure?.status ?? 0;
      if (status === 429 || status >= 500) this.throttledByEntra = true;
      throw this.remember(
        mapEntraError(error, { config: this.config, failure, now: this.context.now() }),
      );
    }
    if (token === null) throw this.remember(this.noToken());
    this.delivered = true;
    this.context.logger.debug('azure_key_vault: obtained an access token', {
      vaultUrl: this.config.vaultUrl,
      clientId: this.config.clientId,
      expiresInSeconds: Math.round((token.expiresOnTimestamp - Date.now()) / 1000),
    });
    return token;
  }

  /** Only two GUIDs can be compared: a domain name may well be the same tenant. */
  private isOtherTenant(challengeTenant: string): boolean {
    return (
      guid.test(challengeTenant) &&
      guid.test(this.config.tenantId) &&
      challengeTenant.toLowerCase() !== this.config.tenantId.toLowerCase()
    );
  }

  private tenantMismatch(challengeTenant: string): SecretError {
    return new SecretError({
      code: 'AUTHENTICATION_FAILED',
      message: `Azure Key Vault ${this.config.vaultUrl} belongs to tenant ${challengeTenant}, but the integration's tenantId is ${this.config.tenantId}; set tenantId to ${challengeTenant} (the vault's Directory (tenant) ID), with a service principal of that tenant`,
    });
  }

  private noToken(): SecretError {
    return new SecretError({
      code: 'AUTHENTICATION_FAILED',
      message: `Entra ID at ${this.config.authorityHost} returned no access token for client ${this.config.clientId} in tenant ${this.config.tenantId}; check authorityHost`,
    });
  }

  private remember(error: SecretError): SecretError {
    this.loginErrors.add(error);
    return error;
  }
}

import {
  type CallOptions,
  createProviderContext,
  encodeSecretPath,
  type ProviderContext,
  type ProviderDefinition,
  type ProviderReference,
  type ReadRequest,
  type SecretData,
  SecretError,
  type SecretProvider,
} from '@fromsecret/core';
import { abortedError, mapVaultError } from './map-vault-error';
import { readSecretData } from './read-secret-data';
import { createVaultClient, type VaultClient } from './vault-client';
import {
  parseVaultConfig,
  VAULT_PROVIDER_TYPE,
  type VaultConfig,
  type VaultConfigInput,
  vaultConfigFields,
} from './vault-config';
import { describeOperation, type VaultOperation, vaultTarget } from './vault-operation';
import { VaultResponseError } from './vault-response-error';
import { vaultReadLocation, vaultVersion } from './vault-secret-path';
import { VaultTokenSession } from './vault-token-session';

/** How long one request to Vault may take, within the resolver's own deadline. */
export const VAULT_REQUEST_TIMEOUT_MS = 10_000;

/** The `vault` provider: HashiCorp Vault and OpenBao, AppRole login, KV v2 and v1. */
export const provider: ProviderDefinition<VaultConfig> = Object.freeze({
  specificationVersion: 'v1',
  type: VAULT_PROVIDER_TYPE,
  displayName: 'HashiCorp Vault / OpenBao',
  fields: vaultConfigFields,
  parseConfig: parseVaultConfig,
  create: (config: VaultConfig, context: ProviderContext) =>
    new VaultSecretProvider(config, context),
});

/**
 * Validates `config` and creates a Vault provider, without I/O. Throws `INVALID_CONFIG`
 * listing every problem of the settings.
 *
 * @example
 * const vault = createVaultProvider({ address: 'https://vault.example.com', roleId, secretId });
 * const { values } = await vault.read({ path: 'crow/myapp' }, { signal });
 */
export function createVaultProvider(
  config: VaultConfigInput,
  context: Partial<ProviderContext> = {},
): SecretProvider {
  return new VaultSecretProvider(parseVaultConfig(config), createProviderContext(context));
}

/**
 * The `vault` provider for one integration: AppRole login, KV v2 or v1 reads. Speaks the
 * contract only; node-vault stays behind {@link createVaultClient}.
 */
export class VaultSecretProvider implements SecretProvider {
  private readonly client: VaultClient;
  private readonly session: VaultTokenSession;
  private closed = false;

  constructor(
    private readonly config: VaultConfig,
    private readonly context: ProviderContext,
  ) {
    this.client = createVaultClient({
      address: config.address,
      verifyTls: !config.skipTlsVerify,
      requestTimeoutMs: VAULT_REQUEST_TIMEOUT_MS,
      ...(config.namespace === undefined ? {} : { namespace: config.namespace }),
      ...(config.caCert === undefined ? {} : { caCert: config.caCert }),
    });
    this.session = new VaultTokenSession({ client: this.client, config, context });
  }

  validateReference(reference: ProviderReference): void {
    encodeSecretPath(reference.path);
    vaultVersion(this.config, reference.version);
  }

  async testConnection(options: CallOptions): Promise<void> {
    this.ensureOpen();
    await this.withToken({ kind: 'lookup-self' }, options.signal, (token) =>
      this.client.read('auth/token/lookup-self', token, options.signal),
    );
  }

  async read(request: ReadRequest, options: CallOptions): Promise<SecretData> {
    this.ensureOpen();
    const location = vaultReadLocation(this.config, request);
    this.context.logger.debug('Vault read', { path: location.operation.policyPath });
    const body = await this.withToken(location.operation, options.signal, (token) =>
      this.client.read(location.apiPath, token, options.signal),
    );
    return readSecretData(body, location.operation, this.config);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.session.close();
    } finally {
      this.client.close();
    }
  }

  /**
   * Runs one request with the session's token. When Vault says the token is invalid
   * (revoked, expired early), it logs in again once and retries the request once.
   */
  private async withToken(
    operation: VaultOperation,
    signal: AbortSignal,
    send: (token: string) => Promise<unknown>,
  ): Promise<unknown> {
    if (signal.aborted) {
      throw abortedError(signal, describeOperation(operation, vaultTarget(this.config)));
    }
    const token = await this.session.token(signal);
    try {
      return await send(token);
    } catch (error) {
      if (!(error instanceof VaultResponseError && error.invalidToken)) {
        throw this.mapError(error, operation, signal, token);
      }
      this.context.logger.debug('Vault token no longer valid; logging in again', {
        address: this.config.address,
      });
      this.session.invalidate(token);
    }
    const renewed = await this.session.token(signal);
    try {
      return await send(renewed);
    } catch (error) {
      throw this.mapError(error, operation, signal, renewed);
    }
  }

  private mapError(
    error: unknown,
    operation: VaultOperation,
    signal: AbortSignal,
    token: string,
  ): SecretError {
    return mapVaultError(error, {
      operation,
      target: vaultTarget(this.config),
      secrets: [...this.session.secrets(), token],
      signal,
      now: this.context.now,
    });
  }

  private ensureOpen(): void {
    if (this.closed) {
      throw new SecretError({
        code: 'PROVIDER_ERROR',
        message: `The Vault provider for ${this.config.address} was closed; create a new one (the resolver does so by itself).`,
      });
    }
  }
}

import {
  type CallOptions,
  type ProviderContext,
  type ProviderReference,
  type ReadRequest,
  type SecretData,
  SecretError,
  type SecretProvider,
} from '@fromsecret/core';
import { abortedError } from './aborted-error';
import {
  AzureKeyVaultClient,
  type AzureKeyVaultEmulatorConnection,
  type FetchedSecret,
} from './azure-key-vault-client';
import type { AzureKeyVaultConfig } from './azure-key-vault-config';
import {
  type KeyVaultAddress,
  toKeyVaultAddress,
  VALUE_KEY,
  validateAzureKeyVaultReference,
} from './azure-key-vault-reference';
import { linkSignal } from './linked-signal';
import { mapAzureKeyVaultError } from './map-azure-key-vault-error';

/**
 * The Azure Key Vault provider for one integration. It builds its SDK clients on first use
 * (no I/O in `create`), keeps them (and so the token) for its lifetime, and obtains a new
 * token once when the vault rejects the one it holds.
 */
export class AzureKeyVaultProvider implements SecretProvider {
  private client: AzureKeyVaultClient | undefined;
  private closed = false;

  constructor(
    private readonly config: AzureKeyVaultConfig,
    private readonly context: ProviderContext,
    private readonly emulator?: AzureKeyVaultEmulatorConnection,
  ) {}

  /** Checks the secret name, the key (`value`) and the version form, without I/O. */
  validateReference(reference: ProviderReference): void {
    validateAzureKeyVaultReference(reference);
  }

  /** Obtains a token and has the vault answer for a secret that cannot exist (see 0500). */
  async testConnection(options: CallOptions): Promise<void> {
    await this.call(undefined, (client, signal) => client.probe(signal), options.signal);
    this.context.logger.debug('azure_key_vault: connection test passed', {
      vaultUrl: this.config.vaultUrl,
    });
  }

  /** Reads a secret's latest version, or the version id asked for, as `{ value }`. */
  async read(request: ReadRequest, options: CallOptions): Promise<SecretData> {
    const address = toKeyVaultAddress(request.path, request.version);
    const secret = await this.call(
      address,
      (client, signal) => client.getSecret(address, signal),
      options.signal,
    );
    return this.toSecretData(secret, address);
  }

  /** Drops the clients; later calls fail with `CANCELLED`. Idempotent. */
  async close(): Promise<void> {
    // Client-credential tokens cannot be revoked; dropping the clients is all there is.
    this.closed = true;
    this.client = undefined;
  }

  private async call<T>(
    address: KeyVaultAddress | undefined,
    operation: (client: AzureKeyVaultClient, signal: AbortSignal) => Promise<T>,
    callerSignal: AbortSignal,
  ): Promise<T> {
    const action =
      address === undefined ? 'The Azure Key Vault connection test' : describe(address);
    if (this.closed) throw this.closedError(action);
    if (callerSignal.aborted) throw abortedError(callerSignal, action);
    const linked = linkSignal(callerSignal);
    try {
      return await this.attempt(address, operation, linked.signal, action);
    } finally {
      linked.release();
    }
  }

  /** Runs `operation`, and once more with a new client when the vault rejected the token. */
  private async attempt<T>(
    address: KeyVaultAddress | undefined,
    operation: (client: AzureKeyVaultClient, signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
    action: string,
  ): Promise<T> {
    const client = this.currentClient();
    try {
      return await operation(client, signal);
    } catch (error) {
      if (client.needsReplacement && this.client === client) this.client = undefined;
      if (signal.aborted) throw abortedError(signal, action);
      if (!isTokenRejected(error) || !client.loggedIn) throw this.mapError(error, address);
    }
    this.context.logger.info('azure_key_vault: the vault rejected the token; obtaining a new one', {
      vaultUrl: this.config.vaultUrl,
    });
    if (this.client === client) this.client = this.newClient();
    try {
      return await operation(this.currentClient(), signal);
    } catch (error) {
      if (signal.aborted) throw abortedError(signal, action);
      throw this.mapError(error, address);
    }
  }

  private currentClient(): AzureKeyVaultClient {
    this.client ??= this.newClient();
    return this.client;
  }

  private newClient(): AzureKeyVaultClient {
    return new AzureKeyVaultClient({
      config: this.config,
      context: this.context,
      ...(this.emulator === undefined ? {} : { emulator: this.emulator }),
    });
  }

  private mapError(error: unknown, address: KeyVaultAddress | undefined): SecretError {
    return mapAzureKeyVaultError(error, {
      config: this.config,
      ...(address === undefined ? {} : { address }),
      now: this.context.now(),
    });
  }

  private toSecretData(secret: FetchedSecret, address: KeyVaultAddress): SecretData {
    if (typeof secret.value !== 'string') {
      throw new SecretError({
        code: 'PROVIDER_ERROR',
        message: `Azure Key Vault ${this.config.vaultUrl} answered for ${describe(address)} without a value; check that vaultUrl is the vault URI`,
      });
    }
    const values = Object.freeze({ [VALUE_KEY]: secret.value });
    return secret.version === undefined ? { values } : { values, version: secret.version };
  }

  private closedError(action: string): SecretError {
    return new SecretError({
      code: 'CANCELLED',
      message: `${action} cannot run: this Azure Key Vault provider for ${this.config.vaultUrl} was closed; create a new one`,
    });
  }
}

function describe(address: KeyVaultAddress): string {
  return address.version === undefined
    ? `Reading Azure Key Vault secret "${address.name}"`
    : `Reading version ${address.version} of Azure Key Vault secret "${address.name}"`;
}

/** The vault answered 401 to a request that carried a token: expired or revoked early. */
function isTokenRejected(error: unknown): boolean {
  return (error as { statusCode?: unknown } | undefined)?.statusCode === 401;
}

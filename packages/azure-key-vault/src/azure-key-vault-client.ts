// The only file that imports the Azure SDKs, and only when a client first needs them: they
// load about 35 packages, which planning, `parseConfig` and `validateReference` never need.
import { createSecureContext } from 'node:tls';
import type { ClientSecretCredential } from '@azure/identity';
import type { SecretClient } from '@azure/keyvault-secrets';
import type { ProviderContext } from '@fromsecret/core';
import { raceWithSignal, SecretError, sanitizeCause } from '@fromsecret/core';
import type { AzureKeyVaultConfig } from './azure-key-vault-config';
import type { KeyVaultAddress } from './azure-key-vault-reference';
import { emulatorEntraRoute } from './emulator-entra-route';
import { EntraFailureRecorder } from './entra-failure-recorder';
import { knownVaultScope, PUBLIC_CLOUD_VAULT_SCOPE } from './key-vault-scope';
import { LoginGate } from './login-gate';
import { PreAuthorization } from './pre-authorization';
import { type TokenCredentialLike, VaultTokenSource } from './vault-token-source';

/**
 * How to reach an emulator instead of Azure. For tests and emulators only: it trusts
 * `caCert` instead of the public CAs, lets a vault on any host (127.0.0.1) answer with the
 * public cloud's challenge resource, and skips Entra ID instance discovery (which would ask
 * login.microsoftonline.com about the emulator's host). No integration setting can turn it on.
 */
export interface AzureKeyVaultEmulatorConnection {
  /** The emulator's CA certificate (PEM), trusted instead of the public CAs. */
  caCert: string;
  /**
   * The emulator's origin (`https://127.0.0.1:<port>`), to serve Entra ID's public host
   * from: token requests for `https://login.microsoftonline.com` go there instead, so that
   * MSAL runs as against Azure (its built-in endpoints, no OpenID metadata request). Leave
   * `authorityHost` at its default with it. Requests to any other host off loopback are
   * refused.
   * @default undefined (Entra ID is where `authorityHost` says: set it to the emulator)
   */
  entraOrigin?: string;
}

/** What {@link AzureKeyVaultClient} is built from. */
export interface AzureKeyVaultClientOptions {
  config: AzureKeyVaultConfig;
  context: ProviderContext;
  emulator?: AzureKeyVaultEmulatorConnection;
}

/** A secret as read: its value and the version that was read. */
export interface FetchedSecret {
  value: unknown;
  version?: string;
}

/**
 * One service principal's connection to one vault: a client-secret credential and a secret
 * client whose own retries are off (they take seconds; the resolver retries instead) and
 * whose redirects are refused (Key Vault and Entra ID never redirect; a redirect means a
 * wrong URL or a captive proxy, and must not carry a token elsewhere). Reads of a vault in a
 * known cloud carry a token from the first on (see {@link PreAuthorization}); reads of any
 * other vault go through its 401 challenge, the first one alone (see {@link LoginGate}).
 */
export class AzureKeyVaultClient {
  private readonly recorder = new EntraFailureRecorder();
  private readonly tokens: VaultTokenSource;
  private readonly preAuthorization: PreAuthorization | undefined;
  private readonly gate: PreAuthorization | LoginGate;
  private clients: Promise<SdkClients> | undefined;

  constructor(private readonly options: AzureKeyVaultClientOptions) {
    const { config, context, emulator } = options;
    // The SDK's credential is built with the secret client, on first use; this one awaits it.
    const credential: TokenCredentialLike = {
      getToken: async (scopes, tokenOptions) =>
        (await this.sdkClients()).credential.getToken(scopes, tokenOptions),
    };
    this.tokens = new VaultTokenSource(credential, this.recorder, config, context);
    const scope =
      emulator === undefined ? knownVaultScope(config.vaultUrl) : PUBLIC_CLOUD_VAULT_SCOPE;
    this.preAuthorization =
      scope === undefined ? undefined : new PreAuthorization(scope, this.tokens);
    this.gate = this.preAuthorization ?? new LoginGate(this.tokens);
  }

  /** Whether this client has obtained a token at least once. */
  get loggedIn(): boolean {
    return this.tokens.loggedIn;
  }

  /** Whether this client must be replaced before its next call (see `VaultTokenSource.throttled`). */
  get needsReplacement(): boolean {
    return this.tokens.throttled;
  }

  /** Reads one secret version (the latest when `address.version` is absent). */
  getSecret(address: KeyVaultAddress, signal: AbortSignal): Promise<FetchedSecret> {
    const read = async (): Promise<FetchedSecret> => {
      const { secrets } = await this.sdkClients();
      const secret = await secrets.getSecret(address.name, {
        abortSignal: signal,
        ...(address.version === undefined ? {} : { version: address.version }),
      });
      return { value: secret.value, version: secret.properties.version };
    };
    return this.gate.run(() => raceWithSignal(read(), signal), signal);
  }

  /**
   * Asks the vault, with a token, for a secret that does not exist (a random name), so that
   * the whole path is proven (challenge, token, vault, the principal's read permission)
   * without reading any secret value. Resolves when the vault answers 404; throws what the
   * SDK threw otherwise.
   */
  async probe(signal: AbortSignal): Promise<void> {
    const name = `fromsecret-connection-test-${crypto.randomUUID()}`;
    try {
      await this.getSecret({ name }, signal);
    } catch (error) {
      if (this.tokens.loggedIn && isSecretNotFound(error)) return;
      throw error;
    }
    throw new Error('the vault returned a secret for a random name that cannot exist');
  }

  /** The SDK's credential and secret client, built once; a failed load is tried again. */
  private sdkClients(): Promise<SdkClients> {
    if (this.clients === undefined) {
      const clients = createSdkClients(
        this.options,
        this.tokens,
        this.recorder,
        this.preAuthorization,
      );
      clients.catch(() => {
        if (this.clients === clients) this.clients = undefined;
      });
      this.clients = clients;
    }
    return this.clients;
  }
}

interface SdkClients {
  credential: ClientSecretCredential;
  secrets: SecretClient;
}

async function createSdkClients(
  options: AzureKeyVaultClientOptions,
  tokens: VaultTokenSource,
  recorder: EntraFailureRecorder,
  preAuthorization: PreAuthorization | undefined,
): Promise<SdkClients> {
  const { ClientSecretCredential, SecretClient } = await loadSdk();
  const { config, emulator } = options;
  const pipeline = {
    retryOptions: { maxRetries: 0 },
    redirectOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix: 'fromsecret' },
    ...(emulator === undefined ? {} : { tlsOptions: emulatorTls(emulator.caCert) }),
  };
  const credential = new ClientSecretCredential(
    config.tenantId,
    config.clientId,
    config.clientSecret,
    {
      ...pipeline,
      authorityHost: config.authorityHost,
      disableInstanceDiscovery: emulator !== undefined,
      additionalPolicies: [
        ...(emulator?.entraOrigin === undefined
          ? []
          : [{ policy: emulatorEntraRoute(emulator.entraOrigin), position: 'perRetry' as const }]),
        { policy: recorder.policy, position: 'perRetry' },
      ],
    },
  );
  const secrets = new SecretClient(config.vaultUrl, tokens, {
    ...pipeline,
    disableChallengeResourceVerification: emulator !== undefined,
    ...(preAuthorization === undefined
      ? {}
      : { additionalPolicies: [{ policy: preAuthorization.policy, position: 'perRetry' }] }),
  });
  return { credential, secrets };
}

/**
 * Trust in the emulator's CA as one TLS context for all the client's connections. The SDK
 * spreads its TLS settings into an `https.Agent`, and given `ca` alone, Node parses the
 * certificate into a new context for every connection (about a millisecond each).
 */
function emulatorTls(caCert: string) {
  // Node uses `secureContext` when both are given; `ca` keys the SDK's agent.
  return { ca: caCert, secureContext: createSecureContext({ ca: caCert }) };
}

async function loadSdk() {
  try {
    const [identity, keyVaultSecrets] = await Promise.all([
      import('@azure/identity'),
      import('@azure/keyvault-secrets'),
    ]);
    return {
      ClientSecretCredential: identity.ClientSecretCredential,
      SecretClient: keyVaultSecrets.SecretClient,
    };
  } catch (error) {
    throw new SecretError({
      code: 'PROVIDER_ERROR',
      message: `The Azure Key Vault provider could not load the Azure SDK (@azure/identity, @azure/keyvault-secrets): ${error instanceof Error ? error.message : String(error)}; reinstall @fromsecret/azure-key-vault with its dependencies`,
      cause: sanitizeCause(error),
    });
  }
}

/** Key Vault's own 404 for a missing secret, as opposed to any server's 404 page. */
function isSecretNotFound(error: unknown): boolean {
  const rest = error as { statusCode?: unknown; code?: unknown };
  return rest.statusCode === 404 && rest.code === 'SecretNotFound';
}

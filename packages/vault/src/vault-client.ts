import type NodeVault from 'node-vault';
import { VaultResponseError } from './vault-response-error';
import { createVaultTransport, type ResponseDetails, type VaultTransport } from './vault-transport';

/** Options of {@link createVaultClient}. */
export interface VaultClientOptions {
  /** Vault's address, without a trailing slash. */
  address: string;
  /** Sent as `X-Vault-Namespace` on every request when set. */
  namespace?: string;
  /** PEM CA bundle to trust. */
  caCert?: string;
  /** Verify the server's certificate. */
  verifyTls: boolean;
  /** How long one request may take, in milliseconds. */
  requestTimeoutMs: number;
}

/** The few Vault API calls the provider makes, over node-vault. */
export interface VaultClient {
  /** `GET /v1/<path>`; `path` is already encoded and may carry a query. Resolves the body. */
  read(path: string, token: string, signal: AbortSignal): Promise<unknown>;
  /** `POST /v1/<path>` with a JSON body, with a token or (for a login) without. */
  write(
    path: string,
    body: object,
    token: string | undefined,
    signal: AbortSignal,
  ): Promise<unknown>;
  /** Closes pooled connections. */
  close(): void;
}

/**
 * The only module that imports node-vault. It pins every setting node-vault would otherwise
 * take from the environment (`VAULT_TOKEN`, `VAULT_NAMESPACE`, `VAULT_PREFIX`,
 * `VAULT_SKIP_VERIFY`), silences its debug output (which prints request bodies, credentials
 * included), and turns its `ApiResponseError` into a {@link VaultResponseError}. Transport
 * errors (refused, reset, TLS, timeout, abort) pass through unchanged for the error mapping.
 */
export function createVaultClient(options: VaultClientOptions): VaultClient {
  const transport = createVaultTransport(options);
  let client: Promise<NodeVault.client> | undefined;
  const call = async (
    send: (vault: NodeVault.client, requestOptions: object) => Promise<unknown>,
    token: string | undefined,
    signal: AbortSignal,
  ) => {
    client ??= createNodeVaultClient(options, transport.requestPromise);
    const vault = await client;
    const responseDetails: ResponseDetails = {};
    const headers: Record<string, string> = token === undefined ? {} : { 'X-Vault-Token': token };
    try {
      return await send(vault, { headers, responseDetails, signal });
    } catch (error) {
      throw toVaultResponseError(error, responseDetails) ?? error;
    }
  };
  return {
    read: (path, token, signal) =>
      call((vault, requestOptions) => vault.read(path, requestOptions), token, signal),
    write: (path, body, token, signal) =>
      call((vault, requestOptions) => vault.write(path, body, requestOptions), token, signal),
    close: () => transport.close(),
  };
}

/**
 * node-vault is imported on the first request, not with this package: it loads axios (and
 * its MIME database) at start, which planning, `parseConfig` and `validateReference` never
 * need.
 */
async function createNodeVaultClient(
  options: VaultClientOptions,
  requestPromise: VaultTransport['requestPromise'],
): Promise<NodeVault.client> {
  const { default: createNodeVault } = await import('node-vault');
  const client = createNodeVault({
    endpoint: options.address,
    apiVersion: 'v1',
    debug: () => undefined,
    // Replaces node-vault's axios wrapper, and with it its reading of VAULT_SKIP_VERIFY.
    'request-promise': requestPromise,
  });
  client.token = '';
  (client as { namespace?: string }).namespace = options.namespace ?? '';
  (client as { pathPrefix?: string }).pathPrefix = '';
  return client;
}

function toVaultResponseError(
  error: unknown,
  details: ResponseDetails,
): VaultResponseError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const response = (error as { response?: { statusCode?: unknown; body?: unknown } }).response;
  if (typeof response?.statusCode !== 'number') return undefined;
  const errors = (response.body as { errors?: unknown } | undefined)?.errors;
  return new VaultResponseError(
    response.statusCode,
    Array.isArray(errors) ? errors.filter((entry) => typeof entry === 'string') : [],
    response.body,
    details.retryAfter,
  );
}

import { FaultQueue } from '../emulator/fault-queue';
import { startLoopbackServer } from '../emulator/loopback-server';
import { mountOnNock, type NockLike } from '../emulator/nock-transport';
import { RequestLog } from '../emulator/request-log';
import { createAzureKeyVaultEmulatorHandler } from './azure-key-vault-emulator-handler';
import { AzureKeyVaultEmulatorStore } from './azure-key-vault-emulator-store';
import type { AzureKeyVaultEmulatorState } from './azure-key-vault-emulator-types';

/** Options of {@link startAzureKeyVaultEmulator}: the starting state and the transport. */
export interface AzureKeyVaultEmulatorOptions extends AzureKeyVaultEmulatorState {
  /** Names the certificate is valid for; a wrong one tests host checks. @default ['127.0.0.1', 'localhost'] */
  certificateHosts?: readonly string[];
  /** Delay before every answer, in milliseconds. @default 0 */
  latencyMs?: number;
}

/** An emulated vault and Entra ID: where they are, their state, log and faults. */
export interface AzureKeyVaultEmulatorHandle {
  /** The provider's `vaultUrl`. */
  vaultUrl: string;
  /** The provider's `authorityHost`. */
  authorityHost: string;
  /** The vault's tenant (the provider's `tenantId`). */
  tenantId: string;
  /** Secrets, principals and tokens; change it while the emulator runs. */
  store: AzureKeyVaultEmulatorStore;
  /** Every request: `challenge`, `rejected-token`, `read`, `token`, `openid`, `unknown`. */
  log: RequestLog;
  /** Faults for the next requests (for example `keyVaultThrottledFault()`). */
  faults: FaultQueue;
  /** How many reads returned a secret value (200), as opposed to denials and misses. */
  secretReadCount(): number;
  /** Changes the delay before later answers. */
  setLatency(milliseconds: number): void;
}

/** An emulated vault and Entra ID on one HTTPS loopback port. */
export interface AzureKeyVaultEmulator extends AzureKeyVaultEmulatorHandle {
  port: number;
  /** The CA that signed the server certificate: what the provider must trust. */
  caCert: string;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

/**
 * Starts an emulated Azure Key Vault and Entra ID on https://127.0.0.1:<port> (the SDK
 * refuses plain HTTP), with a generated CA. Point the provider at it with `vaultUrl` and
 * `authorityHost` from the result, and `{ emulator: { caCert } }` in the provider's
 * definition or context (see `@fromsecret/azure-key-vault`).
 */
export async function startAzureKeyVaultEmulator(
  options: AzureKeyVaultEmulatorOptions = {},
): Promise<AzureKeyVaultEmulator> {
  const store = new AzureKeyVaultEmulatorStore(options);
  const log = new RequestLog();
  const faults = new FaultQueue();
  const server = await startLoopbackServer({
    handler: createAzureKeyVaultEmulatorHandler(store),
    log,
    faults,
    tls: true,
    certificateHosts: options.certificateHosts,
    latencyMs: options.latencyMs,
  });
  store.authorityHost ??= server.url;
  return {
    vaultUrl: server.url,
    authorityHost: store.authorityHost,
    tenantId: store.tenantId,
    store,
    log,
    faults,
    secretReadCount: () => countSecretReads(log),
    setLatency: (milliseconds) => server.setLatency(milliseconds),
    port: server.port,
    caCert: server.caCert!,
    close: () => server.close(),
  };
}

/** Options of {@link mountAzureKeyVaultEmulatorOnNock}. */
export interface AzureKeyVaultNockOptions extends AzureKeyVaultEmulatorState {
  /** The vault's origin to intercept. @default 'https://myvault.vault.azure.net' */
  vaultUrl?: string;
  /** Entra ID's origin to intercept. @default 'https://login.microsoftonline.com' */
  authorityHost?: string;
  /**
   * More origins Entra ID answers on: MSAL sends Azure China's token requests for
   * `https://login.chinacloudapi.cn` to `https://login.partner.microsoftonline.cn`. @default []
   */
  authorityAliases?: readonly string[];
}

/**
 * Serves the same emulated vault and Entra ID through nock at their real origins (no socket,
 * no TLS), where the SDK's host checks pass as they do against Azure. Call `nock.cleanAll()`
 * when done.
 */
export function mountAzureKeyVaultEmulatorOnNock(
  nock: NockLike,
  options: AzureKeyVaultNockOptions = {},
): AzureKeyVaultEmulatorHandle {
  const vaultUrl = options.vaultUrl ?? 'https://myvault.vault.azure.net';
  const authorityHost = options.authorityHost ?? 'https://login.microsoftonline.com';
  const store = new AzureKeyVaultEmulatorStore({ ...options, authorityHost });
  const log = new RequestLog();
  const faults = new FaultQueue();
  let latencyMs = 0;
  const serve = {
    handler: createAzureKeyVaultEmulatorHandler(store),
    log,
    faults,
    latency: () => latencyMs,
  };
  mountOnNock(nock, vaultUrl, serve);
  for (const origin of [authorityHost, ...(options.authorityAliases ?? [])]) {
    mountOnNock(nock, origin, serve);
  }
  return {
    vaultUrl,
    authorityHost,
    tenantId: store.tenantId,
    store,
    log,
    faults,
    secretReadCount: () => countSecretReads(log),
    setLatency: (milliseconds) => {
      latencyMs = milliseconds;
    },
  };
}

function countSecretReads(log: RequestLog): number {
  return log.entries.filter((entry) => entry.operation === 'read' && entry.status === 200).length;
}

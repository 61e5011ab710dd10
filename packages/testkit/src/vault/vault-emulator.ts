import { FaultQueue } from '../emulator/fault-queue';
import { startLoopbackServer } from '../emulator/loopback-server';
import { mountOnNock, type NockLike } from '../emulator/nock-transport';
import { RequestLog } from '../emulator/request-log';
import { createVaultEmulatorHandler } from './vault-emulator-handler';
import {
  VaultEmulatorState,
  type VaultEmulatorStateOptions,
  type VaultKvOptions,
  type VaultRoleOptions,
} from './vault-emulator-state';
import type { VaultPolicyRules } from './vault-policy';

/** Options of {@link startVaultEmulator} and {@link mountVaultEmulatorOnNock}. */
export interface VaultEmulatorOptions extends VaultEmulatorStateOptions {
  /** Serve HTTPS with a CA generated at start (see `caCert`). @default false */
  tls?: boolean;
  /** Names the server certificate is valid for; give a wrong one to test host checks. */
  certificateHosts?: readonly string[];
  /** Delay before every answer, in milliseconds. @default 0 */
  latencyMs?: number;
}

/** A running Vault emulator and the controls a test needs. */
export interface VaultEmulator {
  /** Vault's address, for the provider's `address` setting. */
  readonly url: string;
  /** The CA PEM to give as `caCert`, when serving HTTPS. */
  readonly caCert?: string;
  /** Every request (operation labels: login, lookup-self, revoke-self, read, unknown). */
  readonly log: RequestLog;
  /** Faults for the next matching requests. */
  readonly faults: FaultQueue;
  /** Accepts AppRole logins with these credentials. */
  addRole(role: VaultRoleOptions): void;
  /** Defines (or replaces) a policy, as `vault policy write <name>`. */
  setPolicy(name: string, rules: VaultPolicyRules): void;
  /** Mounts a KV engine, as `vault secrets enable -path=<mount> kv-v2` (or `kv`). */
  enableKv(mount: string, options: { version: 1 | 2; namespace?: string }): void;
  /** Writes a secret (a new version on KV v2); returns its version. */
  writeSecret(path: string, data: Record<string, unknown>, options?: VaultKvOptions): number;
  /** Soft-deletes a KV v2 version. */
  deleteVersion(path: string, version: number, options?: VaultKvOptions): void;
  /** Destroys a KV v2 version. */
  destroyVersion(path: string, version: number, options?: VaultKvOptions): void;
  /** Revokes every token issued so far; returns how many there were. */
  revokeTokens(): number;
  /** How many issued tokens are still valid. */
  activeTokenCount(): number;
  /** Answers every request with 503 "Vault is sealed" until {@link VaultEmulator.unseal}. */
  seal(): void;
  unseal(): void;
  /** Changes the latency of later answers. */
  setLatency(milliseconds: number): void;
  /** Stops serving (closes the server, or leaves nock for the caller's `cleanAll`). */
  close(): Promise<void>;
}

/**
 * Starts a Vault emulator on 127.0.0.1 (random port), over HTTP or, with `tls`, HTTPS with a
 * generated CA. It speaks the parts of Vault's API the `vault` provider uses, with Vault's
 * status codes and bodies; it starts like `vault server -dev` (KV v2 at `secret/`).
 */
export async function startVaultEmulator(
  options: VaultEmulatorOptions = {},
): Promise<VaultEmulator> {
  const state = new VaultEmulatorState(options);
  const log = new RequestLog(['x-vault-namespace']);
  const faults = new FaultQueue();
  const server = await startLoopbackServer({
    handler: createVaultEmulatorHandler(state),
    log,
    faults,
    tls: options.tls,
    certificateHosts: options.certificateHosts,
    latencyMs: options.latencyMs,
  });
  return {
    ...controls(state, log, faults),
    url: server.url,
    caCert: server.caCert,
    setLatency: (milliseconds) => server.setLatency(milliseconds),
    close: () => server.close(),
  };
}

/**
 * Serves the same Vault emulator through nock at `origin` (for example
 * `http://vault.conformance.test:8200`), for suites that run without sockets. Call
 * `nock.cleanAll()` when done; `close()` only forgets the emulator's state.
 */
export function mountVaultEmulatorOnNock(
  nock: NockLike,
  origin: string,
  options: Omit<VaultEmulatorOptions, 'tls' | 'certificateHosts'> = {},
): VaultEmulator {
  const state = new VaultEmulatorState(options);
  const log = new RequestLog(['x-vault-namespace']);
  const faults = new FaultQueue();
  let latencyMs = options.latencyMs ?? 0;
  mountOnNock(nock, origin, {
    handler: createVaultEmulatorHandler(state),
    log,
    faults,
    latency: () => latencyMs,
  });
  return {
    ...controls(state, log, faults),
    url: origin,
    setLatency: (milliseconds) => {
      latencyMs = milliseconds;
    },
    close: async () => {
      state.revokeAllTokens();
      faults.clear();
    },
  };
}

function controls(state: VaultEmulatorState, log: RequestLog, faults: FaultQueue) {
  return {
    log,
    faults,
    addRole: (role: VaultRoleOptions) => state.addRole(role),
    setPolicy: (name: string, rules: VaultPolicyRules) => {
      state.policies.set(name, rules);
    },
    enableKv: (mount: string, options: { version: 1 | 2; namespace?: string }) =>
      state.enableKv(mount, options),
    writeSecret: (path: string, data: Record<string, unknown>, options?: VaultKvOptions) =>
      state.kvMount(options).write(path, data),
    deleteVersion: (path: string, version: number, options?: VaultKvOptions) =>
      state.kvMount(options).deleteVersion(path, version),
    destroyVersion: (path: string, version: number, options?: VaultKvOptions) =>
      state.kvMount(options).destroyVersion(path, version),
    revokeTokens: () => state.revokeAllTokens(),
    activeTokenCount: () => state.activeTokenCount(),
    seal: () => {
      state.sealed = true;
    },
    unseal: () => {
      state.sealed = false;
    },
  };
}

import { FaultQueue } from '../emulator/fault-queue';
import { startLoopbackServer } from '../emulator/loopback-server';
import { mountOnNock, type NockLike } from '../emulator/nock-transport';
import { RequestLog } from '../emulator/request-log';
import { createInfisicalEmulatorHandler } from './infisical-emulator-handler';
import { InfisicalEmulatorStore } from './infisical-emulator-store';
import type { InfisicalEmulatorState } from './infisical-emulator-types';

/** Options of {@link startInfisicalEmulator}: the starting state and the transport. */
export interface InfisicalEmulatorOptions extends InfisicalEmulatorState {
  /** Serve HTTPS with a generated CA (see `caCert`). @default false */
  tls?: boolean;
  /** Names the certificate is valid for; a wrong one tests host checks. @default ['127.0.0.1', 'localhost'] */
  certificateHosts?: readonly string[];
  /** Delay before every answer, in milliseconds. @default 0 */
  latencyMs?: number;
}

/** An emulated Infisical: its state, its request log and its fault queue. */
export interface InfisicalEmulatorHandle {
  /** The `siteUrl` to configure: the loopback URL, or the nock origin. */
  url: string;
  /** Identities, secrets, denials and tokens; change it while the emulator runs. */
  store: InfisicalEmulatorStore;
  /** Every request, labelled `login`, `read`, `revoke` or `unknown`. Holds no header value. */
  log: RequestLog;
  /** Faults for the next requests (for example `infisicalRateLimitFault()`). */
  faults: FaultQueue;
}

/** An emulated Infisical on a loopback port. */
export interface InfisicalEmulator extends InfisicalEmulatorHandle {
  /** The port it listens on (closed once `close()` resolved). */
  port: number;
  /** The CA to trust (the provider's `caCert`), when `tls` is on. */
  caCert?: string;
  /** Changes the delay before later answers. */
  setLatency(milliseconds: number): void;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

/**
 * Starts an emulated Infisical on 127.0.0.1 (HTTP, or HTTPS with a generated CA) that
 * speaks the Universal Auth login and the single-secret read as the SDK sends them, with
 * Infisical's error bodies, versions, folders, permissions and token expiry.
 */
export async function startInfisicalEmulator(
  options: InfisicalEmulatorOptions = {},
): Promise<InfisicalEmulator> {
  const store = new InfisicalEmulatorStore(options);
  const log = new RequestLog();
  const faults = new FaultQueue();
  const server = await startLoopbackServer({
    handler: createInfisicalEmulatorHandler(store),
    log,
    faults,
    tls: options.tls,
    certificateHosts: options.certificateHosts,
    latencyMs: options.latencyMs,
  });
  return {
    url: server.url,
    port: server.port,
    caCert: server.caCert,
    store,
    log,
    faults,
    setLatency: (milliseconds) => server.setLatency(milliseconds),
    close: () => server.close(),
  };
}

/** An emulated Infisical served through nock. */
export interface NockInfisicalEmulator extends InfisicalEmulatorHandle {
  /** Changes the delay before later answers (for abort tests without a socket). */
  setLatency(milliseconds: number): void;
}

/**
 * Serves the same emulated Infisical through nock at `origin` (no socket), for suites that
 * run on nock, with the loopback server's latency and faults. Call `nock.cleanAll()` when done.
 */
export function mountInfisicalEmulatorOnNock(
  nock: NockLike,
  origin: string,
  state: InfisicalEmulatorState = {},
): NockInfisicalEmulator {
  const store = new InfisicalEmulatorStore(state);
  const log = new RequestLog();
  const faults = new FaultQueue();
  let latencyMs = 0;
  const handler = createInfisicalEmulatorHandler(store);
  mountOnNock(nock, origin, { handler, log, faults, latency: () => latencyMs });
  return {
    url: origin,
    store,
    log,
    faults,
    setLatency(milliseconds) {
      latencyMs = milliseconds;
    },
  };
}

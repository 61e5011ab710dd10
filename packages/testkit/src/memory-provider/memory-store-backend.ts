import type { SecretData } from '@fromsecret/core';

/** One read as the store receives it: the version is already a number (0: the latest). */
export interface MemoryReadRequest {
  path: string;
  version: number;
}

/**
 * The store's side of the wire, as the memory provider calls it. Every method counts as one
 * request, waits the store's latency, and throws only `SecretError`s.
 */
export interface MemoryStoreBackend {
  readonly name: string;
  /** Exchanges the store's token for a session id. */
  login(token: string, signal: AbortSignal): Promise<string>;
  /** Every key at a path, at a version. */
  read(session: string, request: MemoryReadRequest, signal: AbortSignal): Promise<SecretData>;
  /** Checks the session and that the store answers; reads no secret. */
  testConnection(session: string, signal: AbortSignal): Promise<void>;
  /** Ends a session (counted as a `revoke` request; no latency). */
  revoke(session: string): void;
}

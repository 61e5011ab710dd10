import { randomUUID } from 'node:crypto';
import { type SecretData, SecretError } from '@fromsecret/core';
import { abortableDelay } from './abortable-delay';
import { MemorySecrets } from './memory-secrets';
import type { MemoryReadRequest, MemoryStoreBackend } from './memory-store-backend';
import { type MemoryStoreOptions, memoryStoreOptionIssues } from './memory-store-options';
import { registerMemoryStore, unregisterMemoryStore } from './memory-store-registry';
import {
  type MemoryFault,
  type MemoryFaultOptions,
  type MemoryOperation,
  type MemoryStoreRequest,
  RequestRecorder,
} from './request-recorder';

/** An in-process secret store that memory-provider integrations reach by its name. */
export interface MemoryStore {
  /** The name integrations give as their `store` setting. */
  readonly name: string;
  /** Every request so far, oldest first (copies; no token or value in them). */
  requests(): MemoryStoreRequest[];
  /** How many requests of this operation (of any operation when omitted) arrived so far. */
  requestCount(operation?: MemoryOperation): number;
  /** How many secret reads arrived so far. */
  secretReadCount(): number;
  /** The most requests that were in flight at once. */
  peakInFlight(): number;
  /** Delays every later answer. */
  setLatency(milliseconds: number): void;
  /** Adds a version to a path (creating it); returns the new version's number. */
  putSecret(path: string, values: Readonly<Record<string, string>>): number;
  /** Answers the next matching requests with a failure. */
  failNext(fault: MemoryFault, options?: MemoryFaultOptions): void;
  /** Invalidates every session, as a store does when tokens expire; clients must log in again. */
  expireSessions(): void;
  /** Makes the store unreachable (UNREACHABLE for its clients) and frees its name. Idempotent. */
  close(): void;
}

/**
 * Creates a named in-process store for the `memory` provider. Integrations reach it with the
 * plain-data config `{ store: name, token }`. Throws `INVALID_CONFIG` listing every problem
 * with the options, or when a live store already has the name.
 */
export function createMemoryStore(name: string, options: MemoryStoreOptions): MemoryStore {
  const issues = memoryStoreOptionIssues(name, options);
  if (issues.length > 0) {
    throw new SecretError({
      code: 'INVALID_CONFIG',
      message: `createMemoryStore("${String(name)}") got invalid options:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`,
      issues,
    });
  }
  const store = new InProcessMemoryStore(name, options);
  if (!registerMemoryStore(store)) {
    throw new SecretError({
      code: 'INVALID_CONFIG',
      message: `A memory store named "${name}" already exists in this process; close it first or choose another name.`,
    });
  }
  return store;
}

class InProcessMemoryStore implements MemoryStore, MemoryStoreBackend {
  private readonly secrets: MemorySecrets;
  private readonly recorder = new RequestRecorder();
  private readonly sessions = new Set<string>();
  private latencyMs: number;

  constructor(
    readonly name: string,
    private readonly options: MemoryStoreOptions,
  ) {
    this.secrets = new MemorySecrets(name, options.secrets ?? [], options.deniedPaths ?? []);
    this.latencyMs = options.latencyMs ?? 0;
  }

  login(token: string, signal: AbortSignal): Promise<string> {
    return this.answer('login', {}, signal, () => {
      if (token !== this.options.token) {
        throw new SecretError({
          code: 'AUTHENTICATION_FAILED',
          message: `Memory store "${this.name}" rejected the token; set the integration's "token" setting to the token the store was created with.`,
        });
      }
      const session = randomUUID();
      this.sessions.add(session);
      return session;
    });
  }

  read(session: string, request: MemoryReadRequest, signal: AbortSignal): Promise<SecretData> {
    return this.answer('read', request, signal, () => {
      this.checkSession(session);
      return this.secrets.read(request.path, request.version);
    });
  }

  testConnection(session: string, signal: AbortSignal): Promise<void> {
    return this.answer('test-connection', {}, signal, () => this.checkSession(session));
  }

  revoke(session: string): void {
    this.recorder.start('revoke', {}).finish('ok');
    this.sessions.delete(session);
  }

  requests(): MemoryStoreRequest[] {
    return this.recorder.list();
  }

  requestCount(operation?: MemoryOperation): number {
    return this.recorder.count(operation);
  }

  secretReadCount(): number {
    return this.recorder.count('read');
  }

  peakInFlight(): number {
    return this.recorder.peakInFlight;
  }

  setLatency(milliseconds: number): void {
    this.latencyMs = milliseconds;
  }

  putSecret(path: string, values: Readonly<Record<string, string>>): number {
    return this.secrets.put(path, values);
  }

  failNext(fault: MemoryFault, options: MemoryFaultOptions = {}): void {
    this.recorder.queueFault(fault, options.times ?? 1, options.operation);
  }

  expireSessions(): void {
    this.sessions.clear();
  }

  close(): void {
    this.sessions.clear();
    unregisterMemoryStore(this);
  }

  private checkSession(session: string): void {
    if (this.sessions.has(session)) return;
    throw new SecretError({
      code: 'AUTHENTICATION_FAILED',
      message: `Memory store "${this.name}" no longer accepts this session (expired or revoked); log in again with the integration's token.`,
    });
  }

  /** Counts the request, waits the latency, applies a queued fault, then answers. */
  private async answer<Result>(
    operation: MemoryOperation,
    request: { path?: string; version?: number },
    signal: AbortSignal,
    respond: () => Result,
  ): Promise<Result> {
    const entry = this.recorder.start(operation, request);
    try {
      await abortableDelay(
        this.latencyMs,
        signal,
        () => `The ${operation} on memory store "${this.name}"`,
      );
      const fault = this.recorder.takeFault(operation);
      if (fault !== undefined) throw this.faultError(fault);
      const result = respond();
      entry.finish('ok');
      return result;
    } catch (error) {
      entry.finish(SecretError.isInstance(error) ? error.code : 'PROVIDER_ERROR');
      throw error;
    }
  }

  private faultError(fault: MemoryFault): SecretError {
    return new SecretError({
      code: fault.code,
      message:
        fault.message ??
        `Memory store "${this.name}" answered with an injected ${fault.code} fault.`,
      retryable: fault.retryable,
      retryAfterMs: fault.retryAfterMs,
    });
  }
}

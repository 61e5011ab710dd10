import {
  createProviderContext,
  type ProviderContext,
  type ProviderDefinition,
  type ProviderReference,
  type ReadRequest,
  type SecretData,
  SecretError,
  type SecretErrorCode,
  type SecretProvider,
} from '@fromsecret/core';
import { cancelledError, untilAborted } from './abortable-delay';
import {
  MEMORY_PROVIDER_TYPE,
  type MemoryConfig,
  memoryConfigFields,
  memoryVersionNumber,
  parseMemoryConfig,
} from './memory-config';
import type { MemoryStoreBackend } from './memory-store-backend';
import { findMemoryStore } from './memory-store-registry';

/**
 * The reference in-memory provider, type `memory`: written only against the public contract,
 * it passes the conformance suite and backs core's resolver tests and the quickstart.
 */
export const memoryProvider: ProviderDefinition<MemoryConfig> = Object.freeze({
  specificationVersion: 'v1',
  type: MEMORY_PROVIDER_TYPE,
  displayName: 'In-memory store (testing)',
  fields: memoryConfigFields,
  parseConfig: parseMemoryConfig,
  create: (config: MemoryConfig, context: ProviderContext) =>
    new MemorySecretProvider(config, context),
});

/** Validates `config` and creates a provider for it, without I/O. */
export function createMemoryProvider(
  config: MemoryConfig,
  context: Partial<ProviderContext> = {},
): SecretProvider {
  return new MemorySecretProvider(parseMemoryConfig(config), createProviderContext(context));
}

class MemorySecretProvider implements SecretProvider {
  private session: Promise<string> | undefined;
  private openSession: { store: MemoryStoreBackend; session: string } | undefined;
  private closed = false;

  constructor(
    private readonly config: MemoryConfig,
    private readonly context: ProviderContext,
  ) {}

  validateReference(reference: ProviderReference): void {
    memoryVersionNumber(reference.version);
  }

  async testConnection(options: { signal: AbortSignal }): Promise<void> {
    await this.call('test connection', options.signal, (store, session) =>
      store.testConnection(session, options.signal),
    );
  }

  async read(request: ReadRequest, options: { signal: AbortSignal }): Promise<SecretData> {
    const version = memoryVersionNumber(request.version);
    return this.call(`read of "${request.path}"`, options.signal, (store, session) => {
      this.context.logger.debug('memory store read', { store: store.name, path: request.path });
      return store.read(session, { path: request.path, version }, options.signal);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const open = this.openSession;
    this.openSession = undefined;
    this.session = undefined;
    // A store that was closed took its sessions with it: there is nothing left to revoke.
    if (open !== undefined && findMemoryStore(open.store.name) === open.store) {
      open.store.revoke(open.session);
    }
  }

  /** Runs one request with a session, logging in again once if the store dropped it. */
  private async call<Result>(
    operation: string,
    signal: AbortSignal,
    send: (store: MemoryStoreBackend, session: string) => Promise<Result>,
  ): Promise<Result> {
    const store = this.reachStore(operation, signal);
    const reused = this.session !== undefined;
    const first = await this.sessionFor(store, operation, signal);
    try {
      return await send(store, first.id);
    } catch (error) {
      if (!reused || !hasCode(error, 'AUTHENTICATION_FAILED')) throw error;
      this.context.logger.debug('memory store session expired; logging in again', {
        store: store.name,
      });
      if (this.session === first.login) this.session = undefined;
      const renewed = await this.sessionFor(store, operation, signal);
      return send(store, renewed.id);
    }
  }

  /**
   * Waits for the shared login on this caller's own signal. When the caller who started the
   * login gave up (it is cancelled), a caller still waiting starts its own instead of failing.
   */
  private async sessionFor(
    store: MemoryStoreBackend,
    operation: string,
    signal: AbortSignal,
  ): Promise<{ login: Promise<string>; id: string }> {
    for (;;) {
      const login = this.login(store, signal);
      try {
        return { login, id: await untilAborted(login, signal, () => this.describe(operation)) };
      } catch (error) {
        if (signal.aborted || !hasCode(error, 'CANCELLED')) throw error;
        if (this.session === login) this.session = undefined;
      }
    }
  }

  private describe(operation: string): string {
    return `The ${operation} on memory store "${this.config.store}"`;
  }

  private reachStore(operation: string, signal: AbortSignal): MemoryStoreBackend {
    if (this.closed) {
      throw new SecretError({
        code: 'PROVIDER_ERROR',
        message: `The memory provider for store "${this.config.store}" was closed before the ${operation}; create a new provider.`,
      });
    }
    if (signal.aborted) throw cancelledError(this.describe(operation));
    const store = findMemoryStore(this.config.store);
    if (store === undefined) {
      throw new SecretError({
        code: 'UNREACHABLE',
        message: `No memory store named "${this.config.store}" exists in this process; create it with createMemoryStore("${this.config.store}", ...) first, or fix the integration's "store" setting.`,
      });
    }
    return store;
  }

  /** One login shared by concurrent calls; a failed login is forgotten so the next call retries. */
  private login(store: MemoryStoreBackend, signal: AbortSignal): Promise<string> {
    if (this.session !== undefined) return this.session;
    this.context.logger.debug('memory store login', { store: store.name });
    const session = store.login(this.config.token, signal).then((id) => {
      this.openSession = { store, session: id };
      return id;
    });
    this.session = session;
    // Callers see the failure through `session`; this branch only forgets it.
    session.catch(() => {
      if (this.session === session) this.session = undefined;
    });
    return session;
  }
}

function hasCode(error: unknown, code: SecretErrorCode): boolean {
  return SecretError.isInstance(error) && error.code === code;
}

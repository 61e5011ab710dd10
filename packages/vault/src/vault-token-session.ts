import { encodeSecretPath, type ProviderContext, SecretError } from '@fromsecret/core';
import { abortedError, mapVaultError } from './map-vault-error';
import type { VaultClient } from './vault-client';
import type { VaultConfig } from './vault-config';
import { describeOperation, type VaultOperation, vaultTarget } from './vault-operation';

interface IssuedToken {
  token: string;
  /** When to stop using it: shortly before its lease ends. */
  refreshAt: number;
}

interface LoginFlight {
  promise: Promise<IssuedToken>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
}

/** The longest a token is given up before its lease ends. */
const MAXIMUM_REFRESH_MARGIN_MS = 30_000;

/**
 * The AppRole token of one provider: one login, reused until shortly before its lease ends,
 * shared by concurrent callers (single flight). A login runs until every caller waiting for
 * it has given up, so that one caller's abort never fails the others.
 */
export class VaultTokenSession {
  private current: IssuedToken | undefined;
  private flight: LoginFlight | undefined;
  private closed = false;

  constructor(
    private readonly client: VaultClient,
    private readonly config: VaultConfig,
    private readonly context: ProviderContext,
  ) {}

  /** A token that Vault should accept: the cached one, or a fresh login's. */
  token(signal: AbortSignal): Promise<string> {
    const current = this.current;
    if (current !== undefined && this.context.now() < current.refreshAt) {
      return Promise.resolve(current.token);
    }
    this.current = undefined;
    return this.waitForLogin(signal);
  }

  /** Forgets `token` when Vault said it is invalid, unless a newer one replaced it already. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  /** Every credential this session holds, for redaction. */
  secrets(): string[] {
    const secrets = [this.config.roleId, this.config.secretId];
    if (this.current !== undefined) secrets.push(this.current.token);
    return secrets;
  }

  /** Stops any login in flight and revokes the token (`auth/token/revoke-self`). Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const flight = this.flight;
    if (flight !== undefined && !flight.settled) {
      flight.controller.abort();
      // Its waiters received its outcome; close only needs it settled before revoking.
      await flight.promise.then(
        () => undefined,
        () => undefined,
      );
    }
    const current = this.current;
    this.current = undefined;
    if (current !== undefined) await this.revoke(current.token);
  }

  private waitForLogin(signal: AbortSignal): Promise<string> {
    const description = () => this.describe({ kind: 'login', authPath: this.config.authPath });
    if (this.closed) return Promise.reject(closedError());
    if (signal.aborted) return Promise.reject(abortedError(signal, description()));
    const flight = this.flight ?? this.startLogin();
    flight.waiters += 1;
    return new Promise((resolve, reject) => {
      const leave = () => {
        signal.removeEventListener('abort', onAbort);
        flight.waiters -= 1;
      };
      const onAbort = () => {
        leave();
        if (flight.waiters === 0 && !flight.settled) this.abandon(flight);
        reject(abortedError(signal, description()));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (issued) => {
          leave();
          resolve(issued.token);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }

  private startLogin(): LoginFlight {
    const controller = new AbortController();
    const flight: LoginFlight = {
      controller,
      waiters: 0,
      settled: false,
      promise: this.login(controller.signal),
    };
    this.flight = flight;
    // Bookkeeping only: every waiter gets the outcome through its own handlers.
    flight.promise.then(
      (issued) => {
        flight.settled = true;
        if (this.flight === flight) this.flight = undefined;
        this.current = issued;
      },
      () => {
        flight.settled = true;
        if (this.flight === flight) this.flight = undefined;
      },
    );
    return flight;
  }

  private abandon(flight: LoginFlight): void {
    if (this.flight === flight) this.flight = undefined;
    flight.controller.abort();
  }

  private async login(signal: AbortSignal): Promise<IssuedToken> {
    const operation: VaultOperation = { kind: 'login', authPath: this.config.authPath };
    const { logger } = this.context;
    if (this.config.skipTlsVerify) {
      logger.warn(
        'Vault TLS certificate verification is off (skipTlsVerify): anyone on the network path can impersonate Vault. Set caCert instead.',
        { address: this.config.address },
      );
    }
    logger.debug('Vault AppRole login', this.logFields());
    const startedAt = this.context.now();
    let body: unknown;
    try {
      body = await this.client.write(
        `auth/${encodeSecretPath(this.config.authPath)}/login`,
        { role_id: this.config.roleId, secret_id: this.config.secretId },
        undefined,
        signal,
      );
    } catch (error) {
      throw mapVaultError(error, this.errorContext(operation, signal));
    }
    return this.issuedToken(body, startedAt, operation);
  }

  private issuedToken(body: unknown, startedAt: number, operation: VaultOperation): IssuedToken {
    const auth = (body as { auth?: { client_token?: unknown; lease_duration?: unknown } })?.auth;
    const token = auth?.client_token;
    const leaseSeconds = auth?.lease_duration;
    if (typeof token !== 'string' || token === '' || typeof leaseSeconds !== 'number') {
      throw new SecretError({
        code: 'PROVIDER_ERROR',
        message: `Vault at ${this.config.address} answered the ${this.describe(operation)} without auth.client_token and auth.lease_duration: check that "address" points at Vault and "authPath" at an AppRole auth method.`,
      });
    }
    if (leaseSeconds <= 0) return { token, refreshAt: Number.POSITIVE_INFINITY };
    const leaseMs = leaseSeconds * 1000;
    return {
      token,
      refreshAt: startedAt + leaseMs - Math.min(MAXIMUM_REFRESH_MARGIN_MS, leaseMs / 10),
    };
  }

  private async revoke(token: string): Promise<void> {
    const operation: VaultOperation = { kind: 'revoke-self' };
    const signal = new AbortController().signal;
    try {
      await this.client.write('auth/token/revoke-self', {}, token, signal);
      this.context.logger.debug('Vault token revoked', this.logFields());
    } catch (error) {
      const mapped = mapVaultError(error, {
        ...this.errorContext(operation, signal),
        secrets: [...this.secrets(), token],
      });
      // close() must not fail a shutdown; the token still expires at the end of its TTL.
      this.context.logger.warn('Vault token could not be revoked; it expires with its TTL', {
        ...this.logFields(),
        code: mapped.code,
        error: mapped.message,
      });
    }
  }

  private errorContext(operation: VaultOperation, signal: AbortSignal) {
    return {
      operation,
      target: vaultTarget(this.config),
      secrets: this.secrets(),
      signal,
      now: this.context.now,
    };
  }

  private describe(operation: VaultOperation): string {
    return describeOperation(operation, vaultTarget(this.config));
  }

  private logFields(): Record<string, string> {
    return {
      address: this.config.address,
      authPath: this.config.authPath,
      ...(this.config.namespace === undefined ? {} : { namespace: this.config.namespace }),
    };
  }
}

function closedError(): SecretError {
  return new SecretError({
    code: 'PROVIDER_ERROR',
    message: 'This Vault provider was closed; create a new one (the resolver does so by itself).',
  });
}

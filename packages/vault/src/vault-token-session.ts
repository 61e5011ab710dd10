import { SecretError } from '@fromsecret/core';
import {
  type AppRoleContext,
  type IssuedToken,
  loginWithAppRole,
  revokeToken,
} from './approle-login';
import { abortedError } from './map-vault-error';
import { describeOperation, vaultTarget } from './vault-operation';

interface LoginFlight {
  promise: Promise<IssuedToken>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
}

/**
 * The AppRole token of one provider: one login, reused until shortly before its lease ends,
 * shared by concurrent callers (single flight). A login runs until every caller waiting for
 * it has given up, so that one caller's abort never fails the others.
 */
export class VaultTokenSession {
  private current: IssuedToken | undefined;
  private flight: LoginFlight | undefined;
  private closed = false;

  constructor(private readonly appRole: AppRoleContext) {}

  /** A token that Vault should accept: the cached one, or a fresh login's. */
  token(signal: AbortSignal): Promise<string> {
    const current = this.current;
    if (current !== undefined && this.appRole.context.now() < current.refreshAt) {
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
    const secrets = [this.appRole.config.roleId, this.appRole.config.secretId];
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
    if (current !== undefined) await revokeToken(this.appRole, current.token);
  }

  private waitForLogin(signal: AbortSignal): Promise<string> {
    const { config } = this.appRole;
    const description = () =>
      describeOperation({ kind: 'login', authPath: config.authPath }, vaultTarget(config));
    if (this.closed) return Promise.reject(closedError());
    if (signal.aborted) return Promise.reject(abortedError(signal, description()));
    const flight = this.flight ?? this.startLogin();
    flight.waiters += 1;
    return new Promise((resolve, reject) => {
      let waiting = true;
      // Each waiter leaves exactly once: on its own abort or on the login's outcome.
      const leave = (): boolean => {
        if (!waiting) return false;
        waiting = false;
        signal.removeEventListener('abort', onAbort);
        flight.waiters -= 1;
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (flight.waiters === 0 && !flight.settled) this.abandon(flight);
        reject(abortedError(signal, description()));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (issued) => {
          if (leave()) resolve(issued.token);
        },
        (error: unknown) => {
          if (leave()) reject(error);
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
      promise: loginWithAppRole(this.appRole, controller.signal),
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
}

function closedError(): SecretError {
  return new SecretError({
    code: 'PROVIDER_ERROR',
    message: 'This Vault provider was closed; create a new one (the resolver does so by itself).',
  });
}

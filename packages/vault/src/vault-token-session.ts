import { createSharedLogin, SecretError, type SharedLogin } from '@fromsecret/core';
import {
  type AppRoleContext,
  type IssuedToken,
  loginWithAppRole,
  revokeToken,
} from './approle-login';
import { abortedError } from './map-vault-error';
import { describeOperation, vaultTarget } from './vault-operation';

/**
 * The AppRole token of one provider: one login, reused until shortly before its lease ends,
 * shared by concurrent callers (single flight, core's `createSharedLogin`). A login runs until
 * every caller waiting for it has given up, so that one caller's abort never fails the others.
 */
export class VaultTokenSession {
  private current: IssuedToken | undefined;
  private readonly sharedLogin: SharedLogin<IssuedToken>;
  private closed = false;

  constructor(private readonly appRole: AppRoleContext) {
    this.sharedLogin = createSharedLogin(async (signal) => {
      const issued = await loginWithAppRole(this.appRole, signal);
      this.current = issued;
      return issued;
    });
  }

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
    // Its waiters receive its outcome; close only needs it settled before revoking.
    await this.sharedLogin.abort();
    const current = this.current;
    this.current = undefined;
    if (current !== undefined) await revokeToken(this.appRole, current.token);
  }

  private async waitForLogin(signal: AbortSignal): Promise<string> {
    const { config } = this.appRole;
    const description = () =>
      describeOperation({ kind: 'login', authPath: config.authPath }, vaultTarget(config));
    if (this.closed) throw closedError();
    try {
      return (await this.sharedLogin.join(signal)).token;
    } catch (error) {
      // A caller that gave up gets its own abort, not the login's outcome.
      if (signal.aborted) throw abortedError(signal, description());
      throw error;
    }
  }
}

function closedError(): SecretError {
  return new SecretError({
    code: 'PROVIDER_ERROR',
    message: 'This Vault provider was closed; create a new one (the resolver does so by itself).',
  });
}

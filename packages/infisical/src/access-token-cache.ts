import { createSharedLogin, type SharedLogin } from '@fromsecret/core';
import type { IssuedAccessToken } from './infisical-client';

/** Logs in and returns a new token; must honour `signal`. */
export type LoginFunction = (signal: AbortSignal) => Promise<IssuedAccessToken>;

interface CachedToken {
  accessToken: string;
  /** Milliseconds since the epoch after which the token is not used; Infinity for never. */
  renewAt: number;
}

/** Renew this long before expiry, at most: a read in flight must not outlive its token. */
const maximumRenewalMarginMs = 60_000;

/**
 * One machine identity's access token: reused until shortly before `expiresIn`, and obtained
 * by a single login shared by every concurrent caller (single flight, core's
 * `createSharedLogin`). A caller that aborts stops waiting at once, with its signal's reason;
 * the login itself is aborted only when no caller waits for it.
 */
export class AccessTokenCache {
  private current?: CachedToken;
  private readonly sharedLogin: SharedLogin<string>;

  constructor(
    login: LoginFunction,
    private readonly now: () => number,
  ) {
    this.sharedLogin = createSharedLogin(async (signal) => {
      const startedAt = this.now();
      const issued = await login(signal);
      this.current = { accessToken: issued.accessToken, renewAt: renewAt(startedAt, issued) };
      return issued.accessToken;
    });
  }

  /** A token valid for a while yet: the cached one, or one from a (shared) new login. */
  get(signal: AbortSignal): Promise<string> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.current !== undefined && this.now() < this.current.renewAt) {
      return Promise.resolve(this.current.accessToken);
    }
    return this.sharedLogin.join(signal);
  }

  /** Logs in now, whatever is cached, and keeps the new token (for test connection). */
  refresh(signal: AbortSignal): Promise<string> {
    this.current = undefined;
    return this.get(signal);
  }

  /**
   * Forgets `accessToken` after the store rejected it. A token that is no longer the cached
   * one is left alone, so that many reads rejected together share one new login.
   */
  invalidate(accessToken: string): void {
    if (this.current?.accessToken === accessToken) this.current = undefined;
  }

  /** Takes the cached token out (for revocation on close). */
  take(): string | undefined {
    const token = this.current?.accessToken;
    this.current = undefined;
    return token;
  }
}

function renewAt(startedAt: number, issued: IssuedAccessToken): number {
  if (issued.expiresInSeconds === 0) return Number.POSITIVE_INFINITY;
  const lifetime = issued.expiresInSeconds * 1000;
  return startedAt + lifetime - Math.min(maximumRenewalMarginMs, lifetime / 10);
}

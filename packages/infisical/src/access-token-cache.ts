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
 * by a single login shared by every concurrent caller (single flight). A caller that aborts
 * stops waiting at once; the login itself is aborted only when no caller waits for it.
 */
export class AccessTokenCache {
  private current?: CachedToken;
  private flight?: LoginFlight;

  constructor(
    private readonly login: LoginFunction,
    private readonly now: () => number,
  ) {}

  /** A token valid for a while yet: the cached one, or one from a (shared) new login. */
  get(signal: AbortSignal): Promise<string> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.current !== undefined && this.now() < this.current.renewAt) {
      return Promise.resolve(this.current.accessToken);
    }
    // A login every caller gave up on is being aborted; a new caller must not wait for it.
    if (this.flight === undefined || this.flight.abandoned) this.flight = this.startFlight();
    return this.flight.join(signal);
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

  private startFlight(): LoginFlight {
    const startedAt = this.now();
    const flight = new LoginFlight(async (signal) => {
      const issued = await this.login(signal);
      this.current = { accessToken: issued.accessToken, renewAt: renewAt(startedAt, issued) };
      return issued.accessToken;
    });
    flight.done.then(() => {
      if (this.flight === flight) this.flight = undefined;
    });
    return flight;
  }
}

function renewAt(startedAt: number, issued: IssuedAccessToken): number {
  if (issued.expiresInSeconds === 0) return Number.POSITIVE_INFINITY;
  const lifetime = issued.expiresInSeconds * 1000;
  return startedAt + lifetime - Math.min(maximumRenewalMarginMs, lifetime / 10);
}

type Outcome = { ok: true; value: string } | { ok: false; error: unknown };

/** A login that several callers wait for; aborted only when every one of them gave up. */
class LoginFlight {
  private readonly controller = new AbortController();
  private waiting = 0;
  /** True once every caller gave up and the login was aborted. */
  abandoned = false;
  /** Settles once the login has succeeded or failed; never rejects. */
  readonly done: Promise<Outcome>;

  constructor(run: (signal: AbortSignal) => Promise<string>) {
    this.done = run(this.controller.signal).then(
      (value): Outcome => ({ ok: true, value }),
      (error: unknown): Outcome => ({ ok: false, error }),
    );
  }

  join(signal: AbortSignal): Promise<string> {
    this.waiting += 1;
    return new Promise((resolve, reject) => {
      const leave = () => {
        signal.removeEventListener('abort', onAbort);
        this.waiting -= 1;
      };
      const onAbort = () => {
        leave();
        if (this.waiting === 0) {
          this.abandoned = true;
          this.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void this.done.then((outcome) => {
        if (signal.aborted) return;
        leave();
        if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error);
      });
    });
  }
}

/** Logs in; must honour `signal`, which aborts when no caller waits for the login any more. */
export type LoginFunction<T> = (signal: AbortSignal) => Promise<T>;

/** One login shared by the callers that ask for it while it runs. */
export interface SharedLogin<T> {
  /**
   * Waits for the login in flight, starting one when none is. Resolves or rejects as that login
   * does; rejects with `signal.reason` as soon as `signal` aborts, without waiting for it (and
   * at once, starting nothing, when `signal` is already aborted).
   */
  join(signal: AbortSignal): Promise<T>;
  /**
   * Aborts the login in flight, if any, with `reason`; its callers get its outcome. Resolves
   * once it has settled (at once when none is in flight). The next `join` starts a new one.
   */
  abort(reason?: unknown): Promise<void>;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Flight<T> {
  controller: AbortController;
  /** Settles when the login does; never rejects. */
  outcome: Promise<Outcome<T>>;
  waiters: number;
}

/**
 * Single flight for a provider's login: callers that ask while a login runs share it instead of
 * each logging in. Each caller leaves on its own signal at once, without failing the others;
 * the login is aborted when the last caller leaves, and a caller that comes later starts a new
 * one. A failure reaches every caller still waiting, and the next call tries again: nothing is
 * cached here, so a provider keeps its token (and decides when to renew it) itself, typically
 * by storing it from inside `login`.
 *
 * The login's outcome is always consumed, so an abandoned login that fails later is never an
 * unhandled rejection; listeners are removed from each caller's signal once it has its answer.
 *
 * @example
 * const sharedLogin = createSharedLogin(async (signal) => {
 *   const issued = await logIn(credentials, signal);
 *   cachedToken = issued;
 *   return issued.token;
 * });
 * const token = await sharedLogin.join(options.signal);
 */
export function createSharedLogin<T>(login: LoginFunction<T>): SharedLogin<T> {
  let current: Flight<T> | undefined;

  const start = (): Flight<T> => {
    const controller = new AbortController();
    const outcome = new Promise<T>((resolve) => resolve(login(controller.signal))).then(
      (value): Outcome<T> => ({ ok: true, value }),
      (error: unknown): Outcome<T> => ({ ok: false, error }),
    );
    const flight: Flight<T> = { controller, outcome, waiters: 0 };
    void outcome.then(() => {
      if (current === flight) current = undefined;
    });
    return flight;
  };

  const abandon = (flight: Flight<T>, reason: unknown): void => {
    if (current === flight) current = undefined;
    flight.controller.abort(reason);
  };

  const join = (signal: AbortSignal): Promise<T> => {
    if (signal.aborted) return Promise.reject(signal.reason);
    current ??= start();
    const flight = current;
    flight.waiters += 1;
    return new Promise<T>((resolve, reject) => {
      let waiting = true;
      // Each caller leaves exactly once: on its own abort or on the login's outcome.
      const leave = (): boolean => {
        if (!waiting) return false;
        waiting = false;
        signal.removeEventListener('abort', onAbort);
        flight.waiters -= 1;
        return true;
      };
      const onAbort = (): void => {
        if (!leave()) return;
        if (flight.waiters === 0) abandon(flight, signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void flight.outcome.then((outcome) => {
        if (!leave()) return;
        if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error);
      });
    });
  };

  const abort = async (reason?: unknown): Promise<void> => {
    const flight = current;
    if (flight === undefined) return;
    abandon(flight, reason);
    await flight.outcome;
  };

  return { join, abort };
}

/** One login that concurrent callers share. */
export interface SharedLogin<T> {
  /**
   * Waits for the login in flight, starting one when none is. Resolves or rejects as that
   * login does; rejects with `signal.reason` as soon as `signal` aborts, without waiting.
   */
  join(signal: AbortSignal): Promise<T>;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Flight<T> {
  controller: AbortController;
  /** Settles when the login does; never rejects. */
  outcome: Promise<Outcome<T>>;
  waiters: number;
}

/**
 * Shares one run of `login` among the callers that ask while it runs (single flight). Each
 * caller can leave on its own signal; the login is aborted when the last one leaves. A failure
 * reaches every caller still waiting, and the next call starts a new login.
 */
export function createSharedLogin<T>(login: (signal: AbortSignal) => Promise<T>): SharedLogin<T> {
  let current: Flight<T> | undefined;

  const start = (): Flight<T> => {
    const controller = new AbortController();
    const outcome = new Promise<T>((resolve) => resolve(login(controller.signal))).then(
      (value): Outcome<T> => ({ ok: true, value }),
      (error: unknown): Outcome<T> => ({ ok: false, error }),
    );
    const flight: Flight<T> = { controller, waiters: 0, outcome };
    void outcome.then(() => {
      if (current === flight) current = undefined;
    });
    return flight;
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
        if (flight.waiters === 0) {
          if (current === flight) current = undefined;
          flight.controller.abort(signal.reason);
        }
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

  return { join };
}

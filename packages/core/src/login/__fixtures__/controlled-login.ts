import { getEventListeners } from 'node:events';

/** One run of a {@link controlledLogin}, for the test to settle. */
export interface PendingLogin {
  signal: AbortSignal;
  resolve(value: string): void;
  reject(error: unknown): void;
}

/**
 * A login under the test's control: each run waits until the test settles it. With
 * `honoursAbort` (the default) a run rejects with its signal's reason when that aborts.
 */
export function controlledLogin(options: { honoursAbort: boolean } = { honoursAbort: true }) {
  const runs: PendingLogin[] = [];
  const login = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      runs.push({ signal, resolve, reject });
      if (options.honoursAbort) {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }
    });
  return { runs, login };
}

/** A signal nobody aborts. */
export const live = (): AbortSignal => new AbortController().signal;

/** The promise's outcome as a value, `{ value }` or `{ error }`, so that it never rejects. */
export function settled<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** How many abort listeners `signal` has. */
export function abortListeners(signal: AbortSignal): number {
  return getEventListeners(signal, 'abort').length;
}

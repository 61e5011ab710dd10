/**
 * Settles with `promise`, or rejects with the signal's reason as soon as `signal` aborts.
 * The Entra ID token requests inside the Azure SDK take no abort signal, so this is what
 * keeps a deadline or a cancellation prompt; the abandoned request finishes (or fails) on
 * its own, and its outcome has no one left to report to.
 */
export function raceWithSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

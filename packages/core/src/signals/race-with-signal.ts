/**
 * Settles as `promise` does, or rejects with the signal's reason as soon as `signal` aborts,
 * whichever comes first. For providers whose SDK call takes no signal (the Azure SDK's token
 * requests, for one): the abandoned call finishes on its own, and its outcome is consumed, so
 * it never becomes an unhandled rejection. The listener is removed once the race is settled.
 */
export function raceWithSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
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

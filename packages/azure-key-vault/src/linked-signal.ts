/** A signal that follows another, and the way to stop following it. */
export interface LinkedSignal {
  signal: AbortSignal;
  /** Stops listening to the parent; call when the operation is over. */
  release(): void;
}

/**
 * A signal that aborts (with the same reason) when `parent` does. One provider call hands the
 * SDK, the login gate and the race several listeners; hanging them on a signal of their own
 * keeps the caller's signal, shared by every read of a resolution, at one listener per call
 * (and Node's "possible EventTarget memory leak" warning away).
 */
export function linkSignal(parent: AbortSignal): LinkedSignal {
  const controller = new AbortController();
  const forward = () => controller.abort(parent.reason);
  if (parent.aborted) forward();
  else parent.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    release: () => parent.removeEventListener('abort', forward),
  };
}

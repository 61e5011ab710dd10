import { setMaxListeners } from 'node:events';
import { SecretError } from '../errors/secret-error';

/** The open/closing state of a resolver, and the work in flight that closing must wait for. */
export interface ResolverLifecycle {
  /** Aborted when closing starts: every deadline of the resolver listens to it. */
  readonly closeSignal: AbortSignal;
  /** The `CANCELLED` error for work started after `close()`, or `undefined` while open. */
  closedError(): SecretError | undefined;
  /** Remembers `work` until it settles, so that `close()` can wait for it. */
  track<T>(work: Promise<T>): Promise<T>;
  /**
   * Starts closing once: aborts the work in flight, waits for it to settle (it does at once,
   * every wait races the close signal), then runs `release`. Later calls share the promise.
   */
  close(release: () => Promise<void>): Promise<void>;
}

/** Creates a {@link ResolverLifecycle}. */
export function createResolverLifecycle(): ResolverLifecycle {
  const controller = new AbortController();
  // Each resolution in flight listens for the resolver's close: one listener per resolution.
  setMaxListeners(0, controller.signal);
  const active = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  return {
    closeSignal: controller.signal,
    closedError: () =>
      closing === undefined
        ? undefined
        : new SecretError({
            code: 'CANCELLED',
            message:
              'The secret resolver has been closed; create a new one with createSecretResolver.',
          }),
    track(work) {
      active.add(work);
      const forget = (): void => {
        active.delete(work);
      };
      work.then(forget, forget);
      return work;
    },
    close(release) {
      closing ??= (async () => {
        controller.abort();
        await Promise.allSettled([...active]);
        await release();
      })();
      return closing;
    },
  };
}

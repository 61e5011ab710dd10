/** Runs at most a fixed number of tasks at once; the rest wait in arrival order. */
export interface ConcurrencyLimiter {
  /** Runs `task` when a slot is free and settles as it does. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

/** Creates a {@link ConcurrencyLimiter} with `maximum` slots. */
export function createConcurrencyLimiter(maximum: number): ConcurrencyLimiter {
  let active = 0;
  const queue: Array<() => void> = [];
  const release = (): void => {
    active--;
    queue.shift()?.();
  };
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = (): void => {
          active++;
          // A task that throws synchronously still frees its slot.
          Promise.resolve().then(task).then(resolve, reject).finally(release);
        };
        if (active < maximum) start();
        else queue.push(start);
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

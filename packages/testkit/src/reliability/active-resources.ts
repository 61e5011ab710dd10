import { createHook } from 'node:async_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, expect } from 'vitest';

/** Sockets and servers: vitest's own are its IPC pipes, whose number does not change. */
const WATCHED_HANDLES = new Set([
  'TCPSocketWrap',
  'TCPServerWrap',
  'TLSWrap',
  'GetAddrInfoReqWrap',
]);

/** How many sockets, servers and DNS requests of each kind the process holds now. */
export function activeHandleCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (WATCHED_HANDLES.has(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

function excessHandles(baseline: Record<string, number>): Record<string, number> {
  const left: Record<string, number> = {};
  for (const [kind, count] of Object.entries(activeHandleCounts())) {
    const extra = count - (baseline[kind] ?? 0);
    if (extra > 0) left[kind] = extra;
  }
  return left;
}

interface TrackedTimer {
  timer: { hasRef?(): boolean };
  createdAt: string;
}

/**
 * Follows every timer created while it is enabled, with where it was created. Timers are
 * told apart by their creation stack: vitest's own (test and hook timeouts) come and go with
 * each test, so counting them would blur a leak.
 */
class TimerTracker {
  private readonly live = new Map<number, TrackedTimer>();
  private recording = false;
  private readonly hook = createHook({
    init: (asyncId, type, _trigger, resource) => {
      if (type !== 'Timeout' || !this.recording) return;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 30;
      const createdAt = new Error('timer created').stack ?? '';
      Error.stackTraceLimit = limit;
      this.live.set(asyncId, { timer: resource as TrackedTimer['timer'], createdAt });
    },
    destroy: (asyncId) => {
      this.live.delete(asyncId);
    },
  });

  enable(): void {
    this.recording = true;
    this.hook.enable();
  }

  /** Records no new timer, but still sees the recorded ones end. */
  stopRecording(): void {
    this.recording = false;
  }

  disable(): void {
    this.hook.disable();
  }

  /** Where each timer that still keeps the process alive was created (vitest's excepted). */
  leaked(): string[] {
    return [...this.live.values()]
      .filter(({ timer, createdAt }) => timer.hasRef?.() !== false && !isVitestTimer(createdAt))
      .map(({ createdAt }) =>
        createdAt
          .split('\n')
          .slice(1)
          .filter((frame) => !/\(node:|at node:|AsyncHook\.init/.test(frame))
          .slice(0, 6)
          .join('\n'),
      );
  }
}

function isVitestTimer(stack: string): boolean {
  return /[\\/](vitest|@vitest)[\\/]/.test(stack) && !/[\\/]packages[\\/]/.test(stack);
}

/**
 * Registers hooks that check, for the tests of the enclosing suite, that nothing was rejected
 * without a handler and that once they are done the process holds no more sockets or servers
 * than before them and no timer any of them created. Register it after any warm-up hook.
 */
export function expectCleanProcess(settleMs = 3_000): void {
  let baseline: Record<string, number> = {};
  const timers = new TimerTracker();
  const rejections: unknown[] = [];
  const listener = (reason: unknown): void => {
    rejections.push(reason);
  };
  beforeAll(() => {
    baseline = activeHandleCounts();
    timers.enable();
    process.on('unhandledRejection', listener);
  });
  afterAll(async () => {
    // A destroyed socket leaves the list on a later turn of the event loop, and a rejection
    // is reported once the microtask queue drains: give both time to settle.
    timers.stopRecording();
    const until = Date.now() + settleMs;
    await delay(20);
    while (
      (Object.keys(excessHandles(baseline)).length > 0 || timers.leaked().length > 0) &&
      Date.now() < until
    ) {
      await delay(20);
    }
    timers.disable();
    process.off('unhandledRejection', listener);
    expect(rejections, 'unhandled rejections').toEqual([]);
    expect(excessHandles(baseline), 'sockets or servers still open').toEqual({});
    expect(timers.leaked(), 'timers still pending').toEqual([]);
  });
}

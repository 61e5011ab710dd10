import { setTimeout as delay } from 'node:timers/promises';
import { expect } from 'vitest';

/**
 * The kinds of resource that keep a Node process alive and that a resolution could leave
 * behind: sockets, servers, timers, DNS and file requests.
 */
const WATCHED = new Set([
  'TCPSocketWrap',
  'TCPServerWrap',
  'TLSWrap',
  'PipeWrap',
  'Timeout',
  'Immediate',
  'GetAddrInfoReqWrap',
  'FSReqCallback',
  'FileHandle',
]);

/** How many resources of each watched kind the process holds now. */
export function activeResourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (WATCHED.has(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

function excess(baseline: Record<string, number>): Record<string, number> {
  const left: Record<string, number> = {};
  for (const [kind, count] of Object.entries(activeResourceCounts())) {
    const extra = count - (baseline[kind] ?? 0);
    if (extra > 0) left[kind] = extra;
  }
  return left;
}

/**
 * Asserts that the process holds no more sockets, servers or timers than at `baseline`,
 * allowing `settleMs` for sockets that are already closing to finish (a destroyed socket
 * leaves the list on a later turn of the event loop).
 */
export async function expectNoResourceLeftSince(
  baseline: Record<string, number>,
  settleMs = 1_000,
): Promise<void> {
  const until = Date.now() + settleMs;
  let left = excess(baseline);
  while (Object.keys(left).length > 0 && Date.now() < until) {
    await delay(10);
    left = excess(baseline);
  }
  expect(left, 'resources still open after the resolver and the emulator were closed').toEqual({});
}

/** Collects unhandled promise rejections while `during` runs, and a little after. */
export async function unhandledRejectionsDuring(during: () => Promise<void>): Promise<unknown[]> {
  const rejections: unknown[] = [];
  const listener = (reason: unknown): void => {
    rejections.push(reason);
  };
  process.on('unhandledRejection', listener);
  try {
    await during();
    // A rejection is reported after the microtask queue drains; give it a few turns.
    await delay(20);
  } finally {
    process.off('unhandledRejection', listener);
  }
  return rejections;
}

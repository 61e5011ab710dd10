import { setTimeout as delay } from 'node:timers/promises';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanProcess } from './active-resources';
import { type FaultCase, LOGIN_FAULT_CASES, READ_FAULT_CASES } from './fault-cases';
import {
  expectOneFailure,
  FAULT_TIMEOUT_MS,
  HANG_TIMEOUT_MS,
  runFailingResolution,
} from './fault-run';
import type { ReliabilityTarget } from './reliability-target';
import { runRevocation } from './revocation-run';
import { ACME, pipelineFor, resolverFor } from './target-resolver';

// Slack over the deadline for a failure that must end "inside the deadline": the resolver's
// own bookkeeping, never a second deadline.
const DEADLINE_SLACK_MS = 400;

type Start = () => Promise<ReliabilityTarget>;

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await delay(5);
}

/** A first resolution loads the provider's SDK, which must not eat into a fault's deadline. */
async function warmUp(start: Start): Promise<void> {
  const target = await start();
  const { resolver } = resolverFor(target);
  try {
    await resolver.resolvePipeline(pipelineFor(target), ACME);
  } finally {
    await resolver.close();
    await target.close();
  }
}

/** Faults the store answers with: statuses, broken bodies, resets. */
function itEndsAnsweredFaults(start: Start): void {
  it.each(READ_FAULT_CASES)('a read answered with $name', async (faultCase: FaultCase) => {
    const outcome = await runFailingResolution(start, {
      arrange: (target) =>
        target.faults.inject(faultCase.fault, {
          operation: target.operations.read,
          times: faultCase.times,
        }),
    });
    expectOneFailure(outcome, faultCase.code);
    expect(outcome.target.log.count(outcome.target.operations.read)).toBe(faultCase.attempts);
    expect(outcome.elapsedMs).toBeLessThan(FAULT_TIMEOUT_MS);
  });

  it.each(LOGIN_FAULT_CASES)('a login answered with $name', async (faultCase: FaultCase) => {
    const outcome = await runFailingResolution(start, {
      arrange: (target) =>
        target.faults.inject(faultCase.fault, {
          operation: target.operations.login,
          times: faultCase.times,
        }),
    });
    expectOneFailure(outcome, faultCase.code);
    const { log, operations } = outcome.target;
    expect(log.count(operations.login)).toBe(faultCase.attempts);
    expect(log.count(operations.read)).toBe(0);
    expect(outcome.elapsedMs).toBeLessThan(FAULT_TIMEOUT_MS);
  });
}

/** A store that is not there, dies, never answers, or answers too late. */
function itEndsSilentFaults(start: Start): void {
  it('a store that is down from the start: UNREACHABLE at once', async () => {
    const outcome = await runFailingResolution(start, { arrange: (target) => target.close() });
    expectOneFailure(outcome, 'UNREACHABLE');
    expect(outcome.elapsedMs).toBeLessThan(HANG_TIMEOUT_MS);
  });

  it('a store that dies while a read waits for its answer: UNREACHABLE at once', async () => {
    const outcome = await runFailingResolution(start, {
      arrange: (target) =>
        target.faults.inject({ kind: 'hang' }, { operation: target.operations.read }),
      during: async (target) => {
        await waitFor(() => target.log.count(target.operations.read) === 1);
        await target.close();
      },
    });
    expectOneFailure(outcome, 'UNREACHABLE');
    expect(outcome.elapsedMs).toBeLessThan(HANG_TIMEOUT_MS);
  });

  it.each(['login', 'read'] as const)(
    'a store that accepts the %s and never answers: TIMEOUT at the deadline',
    async (operation) => {
      const outcome = await runFailingResolution(start, {
        timeoutMs: HANG_TIMEOUT_MS,
        arrange: (target) =>
          target.faults.inject({ kind: 'hang' }, { operation: target.operations[operation] }),
      });
      expectOneFailure(outcome, 'TIMEOUT');
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(HANG_TIMEOUT_MS - 5);
      expect(outcome.elapsedMs).toBeLessThan(HANG_TIMEOUT_MS + DEADLINE_SLACK_MS);
    },
  );

  it('a store slower than the deadline: TIMEOUT at the deadline', async () => {
    const outcome = await runFailingResolution(start, {
      timeoutMs: HANG_TIMEOUT_MS,
      arrange: (target) => target.setLatency(HANG_TIMEOUT_MS * 2),
    });
    expectOneFailure(outcome, 'TIMEOUT');
    expect(outcome.elapsedMs).toBeLessThan(HANG_TIMEOUT_MS + DEADLINE_SLACK_MS);
  });
}

/** `Retry-After` is honoured, and a wait past the deadline is not started. */
function itHonoursRetryAfter(start: Start): void {
  it('429 with Retry-After: 1 waits the second it asks for, then gives up before the deadline', async () => {
    const timeoutMs = 1_500;
    const outcome = await runFailingResolution(start, {
      timeoutMs,
      arrange: (target) =>
        target.faults.inject(
          {
            kind: 'status',
            status: 429,
            body: { message: 'Too Many Requests' },
            headers: { 'retry-after': '1' },
          },
          { operation: target.operations.read, times: 3 },
        ),
    });
    const failure = expectOneFailure(outcome, 'RATE_LIMITED');
    expect(failure.retryAfterMs).toBe(1_000);
    expect(failure.message).toMatch(/gave up after 2 attempts; waiting 1000 ms more would pass/);
    expect(outcome.target.log.count(outcome.target.operations.read)).toBe(2);
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(1_000);
    expect(outcome.elapsedMs).toBeLessThan(timeoutMs);
  });
}

/** A revoked token costs one new login, and the value is still read. */
function itSurvivesRevocation(start: Start): void {
  it('a token revoked between two resolutions: one new login, the value still read', async () => {
    const { logins } = await runRevocation(start, 'between resolutions');
    expect(logins).toBe(2);
  });

  it('a token revoked while a resolution uses it: one new login, the value still read', async () => {
    const { logins } = await runRevocation(start, 'during the resolution');
    expect(logins).toBe(2);
  });
}

/**
 * Every fault of the reliability issue against one provider's emulator, through core's
 * resolver: each ends with the right code inside the deadline, with no partial result and no
 * canary anywhere; and once all have run, no unhandled rejection and nothing left open.
 */
export function describeProviderFaults(type: string, start: Start): void {
  // Each test waits for retries or a deadline, not for the CPU: they run side by side.
  describe.concurrent(`${type}: faults against its emulator`, () => {
    beforeAll(async () => {
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
      await warmUp(start);
    });
    afterAll(() => nock.enableNetConnect());
    expectCleanProcess();
    itEndsAnsweredFaults(start);
    itEndsSilentFaults(start);
    itHonoursRetryAfter(start);
    itSurvivesRevocation(start);
  });
}

import type { SecretError } from '@fromsecret/core';
import { expect } from 'vitest';
import { errorTexts, expectNoSecretIn } from '../conformance/canaries';
import type { ReliabilityTarget } from './reliability-target';
import {
  ACME,
  INTERNAL_VALUE,
  pipelineFor,
  resolutionFailure,
  resolverFor,
} from './target-resolver';

/**
 * The resolver's deadline when the store answers with a fault: long enough for two retries
 * with backoff (at most 200 + 400 ms) and the SDKs' own round trips, so that the retries are
 * never cut short by the deadline.
 */
export const FAULT_TIMEOUT_MS = 2_000;

/** The resolver's deadline when the store never answers: short, so that hangs cost little. */
export const HANG_TIMEOUT_MS = 600;

/** What a failed resolution left for the test to check. */
export interface FaultOutcome {
  error: SecretError;
  elapsedMs: number;
  target: ReliabilityTarget;
}

/** Options of {@link runFailingResolution}. */
export interface FaultRunOptions {
  /** Arranges the fault once the target runs (inject, close, change latency...). */
  arrange?(target: ReliabilityTarget): void | Promise<void>;
  /** Runs while the resolution is in flight (to kill the store mid-way, say). */
  during?(target: ReliabilityTarget): Promise<void>;
  /** The resolver's deadline. @default FAULT_TIMEOUT_MS */
  timeoutMs?: number;
}

/**
 * Starts a target, resolves its pipeline through a fresh resolver under the fault, closes
 * both, and checks what every fault must leave: a rejection (no partial result) and no canary
 * in any error text or log line. Unhandled rejections and open handles are checked for the
 * whole file by {@link expectCleanProcess}, since fault tests run concurrently.
 */
export async function runFailingResolution(
  start: () => Promise<ReliabilityTarget>,
  options: FaultRunOptions = {},
): Promise<FaultOutcome> {
  const target = await start();
  const { resolver, logger } = resolverFor(target, {
    timeoutMs: options.timeoutMs ?? FAULT_TIMEOUT_MS,
  });
  let outcome: FaultOutcome;
  try {
    await options.arrange?.(target);
    const started = performance.now();
    const resolution = resolver.resolvePipeline(pipelineFor(target), ACME);
    const [error] = await Promise.all([resolutionFailure(resolution), options.during?.(target)]);
    outcome = { error, elapsedMs: performance.now() - started, target };
  } finally {
    await resolver.close();
    await target.close();
  }
  const texts = [...errorTexts(outcome.error), ...logger.lines];
  expectNoSecretIn(texts, [...target.secrets(), INTERNAL_VALUE], 'the error and the log');
  return outcome;
}

/** Expects the aggregate to hold exactly one failure, for the target's reference, of `code`. */
export function expectOneFailure(outcome: FaultOutcome, code: string): SecretError {
  const { error, target } = outcome;
  expect(error.code).toBe('RESOLUTION_FAILED');
  expect(
    error.errors?.map((each) => each.code),
    error.message,
  ).toEqual([code]);
  const [failure] = error.errors!;
  expect(failure!.reference).toMatchObject({ path: target.reference.path });
  return failure!;
}

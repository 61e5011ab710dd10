import type { SecretError } from '@fromsecret/core';
import { expect } from 'vitest';
import { errorTexts, expectNoSecretIn } from '../conformance/canaries';
import {
  activeResourceCounts,
  expectNoResourceLeftSince,
  unhandledRejectionsDuring,
} from './active-resources';
import type { ReliabilityTarget } from './provider-targets';
import {
  ACME,
  INTERNAL_VALUE,
  pipelineFor,
  resolutionFailure,
  resolverFor,
  type TargetResolver,
} from './target-resolver';

/** The resolver's deadline in fault tests: short, so that hangs cost little. */
export const FAULT_TIMEOUT_MS = 600;

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
  /** Resolutions that must succeed first (to have a token cached). @default 0 */
  warmUps?: number;
  /** The resolver's deadline. @default FAULT_TIMEOUT_MS */
  timeoutMs?: number;
}

/**
 * Starts a target, resolves its pipeline through a fresh resolver under the fault, and
 * checks what every fault must leave: a rejection (no partial result), no unhandled
 * rejection, no canary in any error text or log line, and, once the resolver and the
 * emulator are closed, no socket, server or timer more than before the target started.
 */
export async function runFailingResolution(
  start: () => Promise<ReliabilityTarget>,
  options: FaultRunOptions = {},
): Promise<FaultOutcome> {
  const baseline = activeResourceCounts();
  const target = await start();
  let outcome: FaultOutcome | undefined;
  let opened: TargetResolver | undefined;
  const rejections = await unhandledRejectionsDuring(async () => {
    try {
      opened = resolverFor(target, { timeoutMs: options.timeoutMs ?? FAULT_TIMEOUT_MS });
      const { resolver } = opened;
      for (let warmUp = 0; warmUp < (options.warmUps ?? 0); warmUp++) {
        await resolver.resolvePipeline(pipelineFor(target), ACME);
      }
      await options.arrange?.(target);
      const started = performance.now();
      const resolution = resolver.resolvePipeline(pipelineFor(target), ACME);
      const [error] = await Promise.all([resolutionFailure(resolution), options.during?.(target)]);
      outcome = { error, elapsedMs: performance.now() - started, target };
    } finally {
      await opened?.resolver.close();
      await target.close();
    }
  });
  expect(rejections, 'unhandled rejections').toEqual([]);
  await expectNoResourceLeftSince(baseline);
  const texts = [...errorTexts(outcome!.error), ...(opened?.logger.lines ?? [])];
  expectNoSecretIn(texts, [...target.secrets(), INTERNAL_VALUE], 'the error and the log');
  return outcome!;
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

// Run in a child process by process-exit.test.ts. For each provider it starts the emulator,
// makes resolutions fail (a login that never answers, a read that never answers, a store
// that is down), closes the resolver and the emulator each time, prints the outcomes as one
// JSON line and then simply ends. The process exits by itself only if nothing (a timer, a
// socket, a login still in flight) was left behind.
import { SecretError } from '@fromsecret/core';
import { TARGETS } from '../provider-targets';
import type { ReliabilityTarget } from '../reliability-target';
import { ACME, pipelineFor, resolverFor } from '../target-resolver';

const SCENARIOS = {
  'hang-login': (target: ReliabilityTarget) =>
    target.faults.inject({ kind: 'hang' }, { operation: target.operations.login }),
  'hang-read': (target: ReliabilityTarget) =>
    target.faults.inject({ kind: 'hang' }, { operation: target.operations.read }),
  down: (target: ReliabilityTarget) => target.close(),
} as const;

async function resolveOnce(
  start: () => Promise<ReliabilityTarget>,
  arrange: (target: ReliabilityTarget) => unknown,
  timeoutMs = 400,
): Promise<{ codes: string[]; elapsedMs: number }> {
  const target = await start();
  await arrange(target);
  const { resolver } = resolverFor(target, { timeoutMs });
  const started = performance.now();
  let codes: string[] = [];
  try {
    await resolver.resolvePipeline(pipelineFor(target), ACME);
  } catch (error) {
    codes = SecretError.isInstance(error)
      ? (error.errors ?? [error]).map((each) => each.code)
      : ['not a SecretError'];
  }
  const elapsedMs = Math.round(performance.now() - started);
  await resolver.close();
  await target.close();
  return { codes, elapsedMs };
}

const outcomes: Record<string, { codes: string[]; elapsedMs: number }> = {};
for (const { type, start } of TARGETS) {
  // The first resolution imports the provider's SDK; it must not count against a deadline.
  outcomes[`${type} warm-up`] = await resolveOnce(start, () => undefined, 30_000);
  for (const [scenario, arrange] of Object.entries(SCENARIOS)) {
    outcomes[`${type} ${scenario}`] = await resolveOnce(start, arrange);
  }
}
process.stdout.write(`${JSON.stringify(outcomes)}\n`);

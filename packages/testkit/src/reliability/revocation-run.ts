import { expect } from 'vitest';
import { expectNoSecretIn } from '../conformance/canaries';
import type { ReliabilityTarget } from './reliability-target';
import { ACME, pipelineFor, resolverFor } from './target-resolver';

/** When the store revokes the provider's token. */
export type RevocationMoment = 'between resolutions' | 'during the resolution';

/**
 * Revokes the token the store is issuing right now, once: the login succeeds, and the read
 * that follows presents a token the store no longer accepts.
 */
function revokeAfterNextLogin(target: ReliabilityTarget): void {
  const { faults } = target;
  const take = faults.take.bind(faults);
  let revoked = false;
  faults.take = (operation) => {
    if (!revoked && operation === target.operations.login) {
      revoked = true;
      target.revokeTokens();
    }
    return take(operation);
  };
}

/**
 * Resolves the target's pipeline after its token was revoked, and checks that the value was
 * still read with nothing leaked. Returns how many logins it took.
 */
export async function runRevocation(
  start: () => Promise<ReliabilityTarget>,
  moment: RevocationMoment,
): Promise<{ logins: number }> {
  const target = await start();
  const { resolver, logger } = resolverFor(target);
  try {
    if (moment === 'between resolutions') {
      await resolver.resolvePipeline(pipelineFor(target), ACME);
      target.revokeTokens();
    } else {
      revokeAfterNextLogin(target);
    }
    const result = await resolver.resolvePipeline(pipelineFor(target), ACME);
    expect(result.pipeline.steps[0]!.environment.TARGET).toBe(target.value);
  } finally {
    await resolver.close();
    await target.close();
  }
  expectNoSecretIn(logger.lines, target.secrets(), 'the log');
  return { logins: target.log.count(target.operations.login) };
}

import { SecretError } from '../errors/secret-error';
import type { LocatedReference } from '../reference/secret-reference';
import type { ConcurrencyLimiter } from './concurrency-limiter';
import type { FetchOptions, FetchOutcome } from './fetch-reads';
import type { InternalGroup } from './read-group';
import { Aborted, raceAbort } from './resolution-deadline';
import { asSecretError } from './scrub-error';

/**
 * Reads one internal secret from the host's store, once however many references name it.
 * No retries: the host's own store is not behind a rate limit we know of.
 */
export async function readInternalGroup(
  group: InternalGroup,
  references: readonly LocatedReference[],
  limiter: ConcurrencyLimiter,
  options: FetchOptions,
  outcome: FetchOutcome,
): Promise<void> {
  const { signal } = options.deadline;
  const doing = `Reading the internal secret ${JSON.stringify(group.name)}`;
  let value: unknown;
  try {
    value = await limiter.run(() => {
      if (signal.aborted) throw new Aborted();
      return raceAbort(options.internalSecrets!.get(group.name, options.context), signal);
    });
    if (typeof value !== 'string') {
      throw new SecretError({
        code: 'PROVIDER_ERROR',
        message: `${doing} returned ${value === null ? 'null' : `a ${typeof value}`}, not text; the internal secret store must return the value as a string.`,
      });
    }
  } catch (error) {
    const failure = signal.aborted
      ? options.deadline.abortError()
      : asSecretError(error, doing, [], 'internal secret store');
    for (const index of group.indices) {
      outcome.failures.push([index, failure.with({ location: references[index]!.location })]);
    }
    return;
  }
  outcome.valuesRead.add(value);
  outcome.receipts.set(group, { resolvedAt: options.now() });
  for (const index of group.indices) outcome.values[index] = value;
}

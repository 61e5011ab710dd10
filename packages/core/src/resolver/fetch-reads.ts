import type { SecretError } from '../errors/secret-error';
import type { AccessContext, InternalSecretStore } from '../integrations/integration';
import type { ExternalReference, LocatedReference } from '../reference/secret-reference';
import type { Logger } from '../spec/v1/logger';
import type { SecretData } from '../spec/v1/secret-provider';
import { checkSecretData } from './check-secret-data';
import { type ConcurrencyLimiter, createConcurrencyLimiter } from './concurrency-limiter';
import { keyNotFoundError } from './key-not-found-error';
import type { ResolutionPlan } from './plan-resolution';
import { type InternalGroup, type ReadGroup, referenceDescriptor } from './read-group';
import { readInternalGroup } from './read-internal-group';
import { Aborted, type ResolutionDeadline, raceAbort } from './resolution-deadline';
import { type RetryPolicy, withRetries } from './retry-policy';
import { asSecretError } from './scrub-error';

/** When a read finished, and the version the store reported. */
export interface ReadReceipt {
  resolvedAt: number;
  resolvedVersion?: string;
}

/** Everything the reads produced. */
export interface FetchOutcome {
  /** The value of each reference, by its index in the plan's references. */
  values: Array<string | undefined>;
  /** One receipt per read that succeeded. */
  receipts: Map<ReadGroup | InternalGroup, ReadReceipt>;
  failures: Array<[index: number, error: SecretError]>;
  /** Every value any read returned (all keys, not only those used), for scrubbing. */
  valuesRead: Set<string>;
}

/** What reading needs. */
export interface FetchOptions {
  deadline: ResolutionDeadline;
  /** Reads in flight at once per integration. */
  concurrency: number;
  context: AccessContext;
  internalSecrets: InternalSecretStore | undefined;
  now: () => number;
  logger: Logger;
  policy: RetryPolicy;
}

/**
 * Runs every read of a plan: each group once, at most `concurrency` in flight per
 * integration, retried per the policy, all under one deadline. Every group runs to its end
 * (or the deadline) even after another failed, so that the error lists every failing
 * reference; a failed group fails each of its references.
 */
export async function fetchReads(
  plan: ResolutionPlan,
  options: FetchOptions,
): Promise<FetchOutcome> {
  const outcome: FetchOutcome = {
    values: new Array(plan.references.length),
    receipts: new Map(),
    failures: [],
    valuesRead: new Set(),
  };
  const limiters = new Map<number | 'internal', ConcurrencyLimiter>();
  const limiterFor = (key: number | 'internal'): ConcurrencyLimiter => {
    let limiter = limiters.get(key);
    if (limiter === undefined) {
      limiter = createConcurrencyLimiter(options.concurrency);
      limiters.set(key, limiter);
    }
    return limiter;
  };
  const { references } = plan;
  await Promise.all([
    ...plan.reads.map((group) =>
      readExternalGroup(group, references, limiterFor(group.used.integration.id), options, outcome),
    ),
    ...plan.internalReads.map((group) =>
      readInternalGroup(group, references, limiterFor('internal'), options, outcome),
    ),
  ]);
  return outcome;
}

async function readExternalGroup(
  group: ReadGroup,
  references: readonly LocatedReference[],
  limiter: ConcurrencyLimiter,
  options: FetchOptions,
  outcome: FetchOutcome,
): Promise<void> {
  const { used, request } = group;
  const source = `Reading ${JSON.stringify(request.path)} through integration ${JSON.stringify(used.integration.name)}`;
  let data: SecretData;
  try {
    data = await limiter.run(() => readWithRetries(group, options));
    data = checkSecretData(data, source);
  } catch (error) {
    const failure = options.deadline.signal.aborted
      ? options.deadline.abortError()
      : asSecretError(error, source, []);
    for (const index of group.indices) {
      outcome.failures.push([index, inContext(failure, group, references[index]!)]);
    }
    return;
  }
  const receipt: ReadReceipt = { resolvedAt: options.now() };
  if (data.version !== undefined) receipt.resolvedVersion = data.version;
  outcome.receipts.set(group, receipt);
  const { values } = data;
  for (const value of Object.values(values)) outcome.valuesRead.add(value);
  const { indices } = group;
  for (let position = 0; position < indices.length; position++) {
    const index = indices[position]!;
    const located = references[index]!;
    const { key } = located.reference as ExternalReference;
    if (Object.hasOwn(values, key)) {
      outcome.values[index] = values[key];
      continue;
    }
    const missing = keyNotFoundError(request.path, key, Object.keys(values), used.integration.name);
    outcome.failures.push([index, inContext(missing, group, located)]);
  }
}

function readWithRetries(group: ReadGroup, options: FetchOptions): Promise<SecretData> {
  const { signal } = options.deadline;
  if (signal.aborted) return Promise.reject(new Aborted());
  const { provider, integration } = group.used;
  return withRetries(() => raceAbort(provider.read(group.request, { signal }), signal), {
    policy: options.policy,
    signal,
    remainingMs: options.deadline.remainingMs,
    onRetry: (retry, delayMs, error) =>
      options.logger.debug('fromsecret: retrying a read', {
        integration: integration.name,
        retry,
        delayMs,
        code: error.code,
      }),
  });
}

function inContext(error: SecretError, group: ReadGroup, located: LocatedReference): SecretError {
  return error.with({
    integration: group.used.descriptor,
    reference: referenceDescriptor(located.reference as ExternalReference),
    location: located.location,
  });
}

/** Every failure, in the document order of the references. */
export function failuresInOrder(outcome: FetchOutcome): SecretError[] {
  return outcome.failures.sort(([left], [right]) => left - right).map(([, error]) => error);
}

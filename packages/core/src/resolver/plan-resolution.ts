import { SecretError } from '../errors/secret-error';
import type {
  AccessContext,
  IntegrationStore,
  InternalSecretStore,
} from '../integrations/integration';
import { findReferences } from '../reference/find-references';
import type { LocatedReference } from '../reference/secret-reference';
import type { ProviderRegistry } from '../registry/create-provider-registry';
import { prepareIntegrations } from './prepare-integrations';
import type { ProviderCache, ProviderLease } from './provider-cache';
import {
  groupInternal,
  groupReads,
  type InternalGroup,
  type PlannedReference,
  type ReadGroup,
  referenceDescriptor,
  type UsedIntegration,
} from './read-group';
import type { ResolutionDeadline } from './resolution-deadline';
import { asSecretError } from './scrub-error';

/** Everything a resolution will read, decided before any read. */
export interface ResolutionPlan {
  /** Every reference, in document order. */
  references: LocatedReference[];
  reads: ReadGroup[];
  internalReads: InternalGroup[];
  /** Every problem found; the resolution stops here when there is one. */
  problems: SecretError[];
}

/** What planning needs. */
export interface PlanOptions {
  integrations: IntegrationStore;
  registry: ProviderRegistry;
  providers: ProviderCache;
  internalSecrets: InternalSecretStore | undefined;
  context: AccessContext;
  deadline: ResolutionDeadline;
  leases: ProviderLease[];
  secretSettings: string[];
}

/**
 * Finds and checks every reference without reading a secret: integration look-ups,
 * allowlists, provider types, settings and each provider's `validateReference`. Collects
 * every problem (each with its location, reference and integration) instead of stopping at
 * the first, so one failed run shows everything to fix.
 */
export async function planResolution(
  pipeline: unknown,
  options: PlanOptions,
): Promise<ResolutionPlan> {
  const references = findReferences(pipeline);
  const { external, internal } = partition(references);
  let prepared: PreparedIntegrations;
  try {
    prepared = await prepareIntegrations(
      external.map((item) => item.reference.integration),
      { ...options, signal: options.deadline.signal },
    );
  } catch (error) {
    if (!options.deadline.signal.aborted) throw error;
    const aborted = options.deadline.abortError();
    const problems = references.map(({ location }) => aborted.with({ location }));
    return { references, reads: [], internalReads: [], problems };
  }
  const { accepted, problems } = checkReferences(external, prepared);
  if (options.internalSecrets === undefined) {
    for (const { index, located } of internal) problems.push([index, noInternalStore(located)]);
  }
  const usedBy = (item: PlannedReference) =>
    prepared.get(item.reference.integration) as UsedIntegration;
  return {
    references,
    reads: groupReads(accepted, usedBy),
    internalReads: groupInternal(internal),
    problems: problems.sort(([left], [right]) => left - right).map(([, error]) => error),
  };
}

type PreparedIntegrations = Awaited<ReturnType<typeof prepareIntegrations>>;

function partition(references: readonly LocatedReference[]) {
  const external: PlannedReference[] = [];
  const internal: InternalGroup['references'] = [];
  references.forEach((located, index) => {
    if (located.reference.kind === 'external') {
      external.push({ index, located, reference: located.reference });
    } else internal.push({ index, located });
  });
  return { external, internal };
}

/** Sorts external references into those ready to read and the problems of the others. */
function checkReferences(external: readonly PlannedReference[], prepared: PreparedIntegrations) {
  const problems: Array<[index: number, error: SecretError]> = [];
  const accepted: PlannedReference[] = [];
  for (const item of external) {
    const used = prepared.get(item.reference.integration)!;
    if (SecretError.isInstance(used)) {
      problems.push([item.index, withContext(used, item, undefined)]);
      continue;
    }
    const problem = validate(item, used);
    if (problem === undefined) accepted.push(item);
    else problems.push([item.index, withContext(problem, item, used)]);
  }
  return { accepted, problems };
}

function validate(item: PlannedReference, used: UsedIntegration): SecretError | undefined {
  const { path, key, version } = item.reference;
  // 0 means "the latest", as an absent version does: providers see one form of it, as in read().
  const latest = version === undefined || version === 0;
  try {
    used.provider.validateReference?.(latest ? { path, key } : { path, key, version });
    return undefined;
  } catch (error) {
    const doing = `Checking a reference with the ${used.integration.type} provider`;
    return asSecretError(error, doing, []);
  }
}

function withContext(
  error: SecretError,
  item: PlannedReference,
  used: UsedIntegration | undefined,
): SecretError {
  return error.with({
    reference: referenceDescriptor(item.reference),
    location: item.located.location,
    integration: used?.descriptor ?? error.integration,
  });
}

function noInternalStore(located: LocatedReference): SecretError {
  const name = located.reference.kind === 'internal' ? located.reference.name : '';
  return new SecretError({
    code: 'SECRET_NOT_FOUND',
    message: `from_secret: ${JSON.stringify(name)} names an internal secret, but this resolver has no internal secret store; the host must pass internalSecrets to createSecretResolver.`,
    location: located.location,
  });
}

import { SecretError } from '../errors/secret-error';
import type {
  AccessContext,
  IntegrationStore,
  InternalSecretStore,
} from '../integrations/integration';
import { findReferencePlaces } from '../reference/find-references';
import type { ExternalReference, LocatedReference } from '../reference/secret-reference';
import type { ReferencePlaces } from '../reference/substitute-at-places';
import type { ProviderRegistry } from '../registry/create-provider-registry';
import { prepareIntegrations } from './prepare-integrations';
import type { ProviderCache, ProviderLease } from './provider-cache';
import {
  groupInternal,
  groupReads,
  type InternalGroup,
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
  /** Where each reference stands, for the substitution. */
  places: ReferencePlaces;
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
  const { references, places } = findReferencePlaces(pipeline);
  const { external, internal, integrations } = partition(references);
  let prepared: PreparedIntegrations;
  try {
    prepared = await prepareIntegrations(integrations, {
      ...options,
      signal: options.deadline.signal,
    });
  } catch (error) {
    if (!options.deadline.signal.aborted) throw error;
    const aborted = options.deadline.abortError();
    const problems = references.map(({ location }) => aborted.with({ location }));
    return { references, places, reads: [], internalReads: [], problems };
  }
  const { accepted, problems } = checkReferences(references, external, prepared);
  if (options.internalSecrets === undefined) {
    for (const index of internal) problems.push([index, noInternalStore(references[index]!)]);
  }
  const usedBy = (reference: ExternalReference) =>
    prepared.get(reference.integration) as UsedIntegration;
  return {
    references,
    places,
    reads: groupReads(references, accepted, usedBy),
    internalReads: groupInternal(references, internal),
    problems: problems.sort(([left], [right]) => left - right).map(([, error]) => error),
  };
}

type PreparedIntegrations = Awaited<ReturnType<typeof prepareIntegrations>>;

/**
 * The positions of the external and the internal references, and the integrations named
 * (each once, in first-seen order). Positions, not an object per reference: see ReadGroup.
 */
function partition(references: readonly LocatedReference[]) {
  const external: number[] = [];
  const internal: number[] = [];
  const integrations = new Set<number | string>();
  for (let index = 0; index < references.length; index++) {
    const { reference } = references[index]!;
    if (reference.kind === 'external') {
      external.push(index);
      integrations.add(reference.integration);
    } else internal.push(index);
  }
  return { external, internal, integrations: [...integrations] };
}

/** Sorts external references into those ready to read and the problems of the others. */
function checkReferences(
  references: readonly LocatedReference[],
  external: readonly number[],
  prepared: PreparedIntegrations,
) {
  const problems: Array<[index: number, error: SecretError]> = [];
  const accepted: number[] = [];
  for (let position = 0; position < external.length; position++) {
    const index = external[position]!;
    const located = references[index]!;
    const reference = located.reference as ExternalReference;
    const used = prepared.get(reference.integration)!;
    if (SecretError.isInstance(used)) {
      problems.push([index, withContext(used, located, undefined)]);
      continue;
    }
    const problem = validate(reference, used);
    if (problem === undefined) accepted.push(index);
    else problems.push([index, withContext(problem, located, used)]);
  }
  return { accepted, problems };
}

function validate(reference: ExternalReference, used: UsedIntegration): SecretError | undefined {
  const { path, key, version } = reference;
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
  located: LocatedReference,
  used: UsedIntegration | undefined,
): SecretError {
  return error.with({
    reference: referenceDescriptor(located.reference as ExternalReference),
    location: located.location,
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

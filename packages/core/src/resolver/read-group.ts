import type { IntegrationDescriptor, ReferenceDescriptor } from '../errors/secret-error';
import type { Integration } from '../integrations/integration';
import type { ExternalReference, LocatedReference } from '../reference/secret-reference';
import type { ReadRequest, SecretProvider } from '../spec/v1/secret-provider';

/** An integration a resolution uses, with the provider serving it. */
export interface UsedIntegration {
  integration: Integration;
  descriptor: Required<IntegrationDescriptor>;
  provider: SecretProvider;
}

/**
 * One read: every reference to the same (integration, path, version) shares it. References
 * are held as their positions in the plan's references (document order), not as an object
 * each: a pipeline of 100,000 references makes 100,000 fewer objects to collect. (Loops over
 * positions count with an index: a `for...of` there was seen to allocate per reference.)
 */
export interface ReadGroup {
  used: UsedIntegration;
  request: ReadRequest;
  /** Positions of the group's references in the plan's references, in document order. */
  indices: number[];
}

/** One internal secret, however many references name it. */
export interface InternalGroup {
  name: string;
  /** Positions of the references that name it in the plan's references, in document order. */
  indices: number[];
}

/**
 * Groups the external references at `accepted` (positions in `references`) by (integration
 * id, path, version), in first-seen order. A version of 0 and an absent one are the same read
 * (the latest), and 0 is not sent to the provider; the number 3 and the text "3" stay apart,
 * since a store may read them differently.
 */
export function groupReads(
  references: readonly LocatedReference[],
  accepted: readonly number[],
  usedBy: (reference: ExternalReference) => UsedIntegration,
): ReadGroup[] {
  const groups: ReadGroup[] = [];
  // Keyed by path alone: a path's text keeps its hash, so no key is built per reference. The
  // few groups of one path are told apart by integration and version.
  const byPath = new Map<string, ReadGroup[]>();
  for (let position = 0; position < accepted.length; position++) {
    const index = accepted[position]!;
    const reference = references[index]!.reference as ExternalReference;
    const used = usedBy(reference);
    const { path, version } = reference;
    const requested = version === undefined || version === 0 ? undefined : version;
    let samePath = byPath.get(path);
    if (samePath === undefined) {
      samePath = [];
      byPath.set(path, samePath);
    }
    let group = findGroup(samePath, used.integration.id, requested);
    if (group === undefined) {
      const request: ReadRequest = requested === undefined ? { path } : { path, version };
      group = { used, request, indices: [] };
      samePath.push(group);
      groups.push(group);
    }
    group.indices.push(index);
  }
  return groups;
}

function findGroup(
  samePath: readonly ReadGroup[],
  integrationId: number,
  version: number | string | undefined,
): ReadGroup | undefined {
  for (const group of samePath) {
    if (group.used.integration.id === integrationId && group.request.version === version) {
      return group;
    }
  }
  return undefined;
}

/** Groups the internal references at `internal` (positions in `references`) by name. */
export function groupInternal(
  references: readonly LocatedReference[],
  internal: readonly number[],
): InternalGroup[] {
  const groups = new Map<string, InternalGroup>();
  for (let position = 0; position < internal.length; position++) {
    const index = internal[position]!;
    const reference = references[index]!.reference;
    if (reference.kind !== 'internal') continue;
    let group = groups.get(reference.name);
    if (group === undefined) {
      group = { name: reference.name, indices: [] };
      groups.set(reference.name, group);
    }
    group.indices.push(index);
  }
  return [...groups.values()];
}

/** The reference part of an error's context. */
export function referenceDescriptor(reference: ExternalReference): ReferenceDescriptor {
  const descriptor: ReferenceDescriptor = {
    integration: reference.integration,
    path: reference.path,
    key: reference.key,
  };
  if (reference.version !== undefined) descriptor.version = reference.version;
  return descriptor;
}

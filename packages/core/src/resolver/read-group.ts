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

/** An external reference that passed planning. */
export interface PlannedReference {
  /** Its position in the pipeline's references (document order). */
  index: number;
  located: LocatedReference;
  reference: ExternalReference;
}

/** One read: every reference to the same (integration, path, version) shares it. */
export interface ReadGroup {
  used: UsedIntegration;
  request: ReadRequest;
  references: PlannedReference[];
}

/** One internal secret, however many references name it. */
export interface InternalGroup {
  name: string;
  references: Array<{ index: number; located: LocatedReference }>;
}

/**
 * Groups references by (integration id, path, version) in first-seen order. A version of 0
 * and an absent one are the same read (the latest), and 0 is not sent to the provider; the
 * number 3 and the text "3" stay apart, since a store may read them differently.
 */
export function groupReads(
  planned: readonly PlannedReference[],
  usedBy: (reference: PlannedReference) => UsedIntegration,
): ReadGroup[] {
  const groups = new Map<string, ReadGroup>();
  for (const item of planned) {
    const used = usedBy(item);
    const { path, version } = item.reference;
    const latest = version === undefined || version === 0;
    // Paths hold no control characters (design §1), so NUL cannot occur inside a part.
    const key = `${used.integration.id}\u0000${path}\u0000${latest ? '' : `${typeof version}:${version}`}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { used, request: latest ? { path } : { path, version }, references: [] };
      groups.set(key, group);
    }
    group.references.push(item);
  }
  return [...groups.values()];
}

/** Groups internal references by name in first-seen order. */
export function groupInternal(
  references: readonly InternalGroup['references'][number][],
): InternalGroup[] {
  const groups = new Map<string, InternalGroup>();
  for (const item of references) {
    if (item.located.reference.kind !== 'internal') continue;
    const { name } = item.located.reference;
    let group = groups.get(name);
    if (group === undefined) {
      group = { name, references: [] };
      groups.set(name, group);
    }
    group.references.push(item);
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

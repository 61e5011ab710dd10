import { describe, expect, it } from 'vitest';
import type { ExternalReference, LocatedReference } from '../reference/secret-reference';
import { groupInternal, groupReads, type UsedIntegration } from './read-group';

const location = {
  pointer: '/steps/0/environment/A',
  group: 'steps',
  step: 's',
  section: 'environment',
  name: 'A',
} as const;

function located(integration: number, path: string, version?: number | string): LocatedReference {
  const reference: ExternalReference = { kind: 'external', integration, path, key: 'k' };
  if (version !== undefined) reference.version = version;
  return { reference, location };
}

function used(id: number): UsedIntegration {
  return { integration: { id } as UsedIntegration['integration'] } as UsedIntegration;
}

describe('groupReads', () => {
  it('groups by integration, path and version; 0 and absent are the latest', () => {
    const integrations = new Map([1, 2].map((id) => [id, used(id)]));
    const references = [
      located(1, 'a'),
      located(1, 'a', 0),
      located(1, 'a', 3),
      located(1, 'a', '3'),
      located(2, 'a'),
      located(1, 'b'),
      located(1, 'a', 3),
    ];
    const groups = groupReads(
      references,
      references.map((_, index) => index),
      (reference) => integrations.get(reference.integration as number)!,
    );
    expect(
      groups.map((group) => [group.used.integration.id, group.request, group.indices]),
    ).toEqual([
      [1, { path: 'a' }, [0, 1]],
      [1, { path: 'a', version: 3 }, [2, 6]],
      [1, { path: 'a', version: '3' }, [3]],
      [2, { path: 'a' }, [4]],
      [1, { path: 'b' }, [5]],
    ]);
  });

  it('groups only the references it is given, keeping their positions', () => {
    const integrations = new Map([[1, used(1)]]);
    const references = [located(1, 'a'), located(1, 'b'), located(1, 'a')];
    const groups = groupReads(
      references,
      [1, 2],
      (reference) => integrations.get(reference.integration as number)!,
    );
    expect(groups.map((group) => [group.request, group.indices])).toEqual([
      [{ path: 'b' }, [1]],
      [{ path: 'a' }, [2]],
    ]);
  });
});

describe('groupInternal', () => {
  it('groups internal references by name in first-seen order', () => {
    const internal = (name: string): LocatedReference => ({
      reference: { kind: 'internal', name },
      location,
    });
    const references = [internal('b'), located(1, 'a'), internal('a'), internal('b')];
    expect(groupInternal(references, [0, 2, 3])).toEqual([
      { name: 'b', indices: [0, 3] },
      { name: 'a', indices: [2] },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ExternalReference, LocatedReference } from '../reference/secret-reference';
import { groupReads, type PlannedReference, type UsedIntegration } from './read-group';

const location = {
  pointer: '/steps/0/environment/A',
  group: 'steps',
  step: 's',
  section: 'environment',
  name: 'A',
} as const;

function planned(
  index: number,
  integration: number,
  path: string,
  version?: number | string,
): PlannedReference {
  const reference: ExternalReference = { kind: 'external', integration, path, key: 'k' };
  if (version !== undefined) reference.version = version;
  const located: LocatedReference = { reference, location };
  return { index, located, reference };
}

function used(id: number): UsedIntegration {
  return { integration: { id } as UsedIntegration['integration'] } as UsedIntegration;
}

describe('groupReads', () => {
  it('groups by integration, path and version; 0 and absent are the latest', () => {
    const integrations = new Map([1, 2].map((id) => [id, used(id)]));
    const groups = groupReads(
      [
        planned(0, 1, 'a'),
        planned(1, 1, 'a', 0),
        planned(2, 1, 'a', 3),
        planned(3, 1, 'a', '3'),
        planned(4, 2, 'a'),
        planned(5, 1, 'b'),
        planned(6, 1, 'a', 3),
      ],
      (item) => integrations.get(item.reference.integration as number)!,
    );
    expect(
      groups.map((group) => [
        group.used.integration.id,
        group.request,
        group.references.map((item) => item.index),
      ]),
    ).toEqual([
      [1, { path: 'a' }, [0, 1]],
      [1, { path: 'a', version: 3 }, [2, 6]],
      [1, { path: 'a', version: '3' }, [3]],
      [2, { path: 'a' }, [4]],
      [1, { path: 'b' }, [5]],
    ]);
  });
});

import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJECTION_CASES, type InjectionCase } from './injection-cases';
import { TARGETS } from './provider-targets';
import type { ReliabilityTarget } from './reliability-target';
import { SECRET_READS, SESSION_OPERATIONS } from './secret-reads';
import { ACME, pipelineFor, resolutionFailure, resolverFor } from './target-resolver';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());

/** What the store answers when a hostile reference does get through, without any harm. */
const HARMLESS = [
  'SECRET_NOT_FOUND',
  'KEY_NOT_FOUND',
  'VERSION_NOT_FOUND',
  'PERMISSION_DENIED',
  'INVALID_REFERENCE',
];

function referenceWith(target: ReliabilityTarget, injection: InjectionCase) {
  return { ...target.reference, [injection.field]: injection.value };
}

describe.each(TARGETS)('$type: traversal and injection in references', ({ type, start }) => {
  let target: ReliabilityTarget;
  beforeAll(async () => {
    target = await start();
  });
  afterAll(() => target.close());

  it.each(INJECTION_CASES)('$field with $label', async (injection) => {
    target.log.clear();
    const { resolver } = resolverFor(target);
    const reference = referenceWith(target, injection);
    try {
      const error = await resolutionFailure(
        resolver.resolvePipeline(pipelineFor(target, reference), ACME),
      );
      const codes = error.errors?.map((each) => each.code);
      if (injection.alwaysRejected) {
        expect(codes).toEqual(['INVALID_REFERENCE']);
        expect(target.log.entries, 'no request for a reference core rejects').toEqual([]);
      } else {
        expect(codes).toHaveLength(1);
        expect(HARMLESS).toContain(codes![0]);
      }
    } finally {
      await resolver.close();
    }
    // Whatever got through reached the one secret it names, and nothing else.
    const reads = target.log.entries.filter(
      (entry) => !SESSION_OPERATIONS[type]!.includes(entry.operation),
    );
    for (const entry of reads) {
      expect(SECRET_READS[type]!(entry), `${entry.method} ${entry.path}?${entry.query}`).toEqual(
        expect.objectContaining({ path: reference.path }),
      );
    }
  });
});

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { pipelineArbitrary } from './__fixtures__/pipeline-arbitraries';
import { findReferencePlaces, findReferences } from './find-references';
import { substituteAtPlaces } from './substitute-at-places';
import { substituteReferences } from './substitute-references';

/** The same pipeline with each step list doubled: every step then stands at two places. */
function withSharedSteps(pipeline: unknown): unknown {
  if (typeof pipeline !== 'object' || pipeline === null || Array.isArray(pipeline)) return pipeline;
  const steps = (pipeline as { steps?: unknown }).steps;
  if (!Array.isArray(steps)) return pipeline;
  return { ...pipeline, steps: [...steps, ...steps] };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

describe('substituteAtPlaces', () => {
  it('makes the copy substituteReferences makes from the same references, prototypes included', () => {
    fc.assert(
      fc.property(pipelineArbitrary, fc.boolean(), (generated, share) => {
        const input = share ? withSharedSteps(generated) : generated;
        let walked: ReturnType<typeof findReferencePlaces>;
        try {
          walked = findReferencePlaces(input);
        } catch (error) {
          expect(SecretError.isInstance(error)).toBe(true);
          expect(() => findReferences(input)).toThrow((error as Error).message);
          return;
        }
        expect(walked.references).toEqual(findReferences(input));
        const before = JSON.stringify(input);
        const values = walked.references.map((_, index) => `value-${index % 3}`);
        const expected = substituteReferences(
          input,
          walked.references.map(({ location }, index) => ({
            pointer: location.pointer,
            value: values[index]!,
          })),
        );
        const output = substituteAtPlaces(walked.places, values);
        expect(isDeepStrictEqual(output, expected)).toBe(true);
        expect(JSON.stringify(input)).toBe(before);
      }),
      { numRuns: 400 },
    );
  });

  it('gives each place of a shared value its own copy and leaves the input alone', () => {
    const shared = deepFreeze({ TOKEN: { from_secret: 'x' }, PLAIN: 'kept' });
    const input = deepFreeze({ steps: [{ environment: shared }, { environment: shared }] });
    const { places } = findReferencePlaces(input);
    const output = substituteAtPlaces(places, ['first', 'second']) as typeof input;
    expect(output).toEqual({
      steps: [
        { environment: { TOKEN: 'first', PLAIN: 'kept' } },
        { environment: { TOKEN: 'second', PLAIN: 'kept' } },
      ],
    });
    expect(Object.getPrototypeOf(output.steps[0]!.environment)).toBe(Object.prototype);
    expect(shared.TOKEN).toEqual({ from_secret: 'x' });
  });

  it('copies the pipeline even when it holds no reference, sharing everything below', () => {
    const input = { steps: [{ environment: { A: 'b' } }] };
    const { places } = findReferencePlaces(input);
    const output = substituteAtPlaces(places, []) as typeof input;
    expect(output).not.toBe(input);
    expect(output).toEqual(input);
    expect(output.steps).toBe(input.steps);
  });
});

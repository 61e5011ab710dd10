import { findReferences, type LocatedReference } from '@fromsecret/core';
import type { CommandSpec } from '../command-spec';
import { loadPipeline, pipelineErrorLocator } from '../files/load-pipeline';
import { formatPosition } from '../files/source-position';
import { positionOfPointer } from '../files/yaml-positions';
import { flattenProblems } from '../output/flatten-problems';

/** `fromsecret check <pipeline.yml>`: every reference problem, offline. */
export const checkCommand: CommandSpec = {
  name: 'check',
  summary: "find every problem in a pipeline's from_secret references, offline",
  description:
    'Reads the pipeline and checks every from_secret reference in the environment and settings of its steps and services, without contacting any store. Each problem is printed as file:line:column with how to fix it; the exit status is 1 when there is any.',
  positionals: ['<pipeline.yml>'],
  options: {},
  examples: ['fromsecret check .woodpecker.yml', 'fromsecret check .woodpecker.yml --json'],
  async run({ positionals, cwd, output }) {
    const file = positionals[0]!;
    const pipeline = await loadPipeline(file, cwd);
    let references: LocatedReference[];
    try {
      references = findReferences(pipeline.value);
    } catch (error) {
      return output.fail(flattenProblems(error, pipelineErrorLocator(pipeline)));
    }
    const listed = references.map(({ reference, location }) => ({
      reference,
      location,
      position: positionOfPointer(pipeline.source, `${location.pointer}/from_secret`),
    }));
    const human = [
      ...listed.map(
        ({ reference, position }) =>
          `${formatPosition(position)}: ${describeReference(reference)}\n`,
      ),
      `${file}: ${countReferences(references)}; no problems found.\n`,
    ].join('');
    return output.succeed({ file, references: listed }, human);
  },
};

function describeReference(reference: LocatedReference['reference']): string {
  if (reference.kind === 'internal') return `internal secret ${JSON.stringify(reference.name)}`;
  const version = reference.version === undefined ? '' : ` version ${reference.version}`;
  return `integration ${JSON.stringify(reference.integration)} path ${JSON.stringify(reference.path)} key ${JSON.stringify(reference.key)}${version}`;
}

function countReferences(references: readonly LocatedReference[]): string {
  const integrations = new Set<string>();
  let external = 0;
  for (const { reference } of references) {
    if (reference.kind !== 'external') continue;
    external += 1;
    // An id (1) and a name ("1") are different integrations.
    integrations.add(`${typeof reference.integration}:${reference.integration}`);
  }
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const internal = references.length - external;
  return `${plural(references.length, 'reference')} (${external} through ${plural(integrations.size, 'integration')}, ${internal} internal)`;
}

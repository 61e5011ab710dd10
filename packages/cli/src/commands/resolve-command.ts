import { findReferences, type LocatedReference } from '@fromsecret/core';
import { CliError } from '../cli-error';
import type { CommandContext, CommandSpec } from '../command-spec';
import { loadPipeline, pipelineErrorLocator } from '../files/load-pipeline';
import { flattenProblems } from '../output/flatten-problems';
import { startProgressLine } from '../output/progress-line';
import { PROVIDER_PACKAGE_OPTION } from '../registry/provider-packages';
import { openResolver } from './open-resolver';
import { printResolution } from './print-resolution';

const REPOSITORY_PATTERN = /^[^/\s]+\/[^/\s]+$/;

/** `fromsecret resolve`: resolves a pipeline's references through the integrations file. */
export const resolveCommand: CommandSpec = {
  name: 'resolve',
  summary: "resolve a pipeline's references and print it (values masked unless --reveal)",
  description:
    'Resolves every from_secret reference of the pipeline through the integrations file, as a CI server would for the given repository, user and organisation, and prints the pipeline with the values in place. Values are printed as ******** unless --reveal is given. What was read (integration, path, key, version, shared or not, time) is listed on stderr, or in the object printed by --json.',
  positionals: ['<pipeline.yml>'],
  options: {
    integrations: {
      type: 'string',
      valueName: '<file>',
      required: true,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the help shows the ${NAME} syntax itself.
      description: 'the integrations file (YAML; ${NAME} is read from the environment)',
    },
    secrets: {
      type: 'string',
      valueName: '<file>',
      description: 'a YAML map of internal secret names to values, for from_secret: <name>',
    },
    repo: {
      type: 'string',
      valueName: '<owner/name>',
      required: true,
      description: 'the repository the pipeline runs for',
    },
    user: {
      type: 'string',
      valueName: '<login>',
      required: true,
      description: 'the user the pipeline runs for',
    },
    org: {
      type: 'string',
      valueName: '<org>',
      required: true,
      description: 'the organisation that owns the repository',
    },
    event: {
      type: 'string',
      valueName: '<event>',
      description: 'the event that started the pipeline, for example push',
    },
    fork: { type: 'boolean', description: 'the pipeline runs for a pull request from a fork' },
    format: {
      type: 'string',
      valueName: '<format>',
      choices: ['yaml', 'json', 'env'],
      description: 'how to print the pipeline (default yaml); env prints NAME=value lines per step',
    },
    reveal: { type: 'boolean', description: 'print the values instead of ********' },
    'provider-package': PROVIDER_PACKAGE_OPTION,
  },
  examples: [
    'fromsecret resolve .woodpecker.yml --integrations integrations.yml --repo acme/app --user alice --org acme',
    'fromsecret resolve .woodpecker.yml --integrations integrations.yml --secrets secrets.yml --repo acme/app --user alice --org acme --format env --reveal > build.env',
  ],
  run: runResolve,
};

async function runResolve(context: CommandContext): Promise<number> {
  const { values, positionals, output } = context;
  checkFlags(values);
  const pipeline = await loadPipeline(positionals[0]!, context.cwd);
  const locate = pipelineErrorLocator(pipeline);
  let references: LocatedReference[];
  try {
    references = findReferences(pipeline.value);
  } catch (error) {
    return output.fail(flattenProblems(error, locate));
  }
  const { resolver, warnings } = await openResolver(context);
  const count = references.length === 1 ? '1 reference' : `${references.length} references`;
  const progress = startProgressLine(context.stderr, `Resolving ${count}…`);
  try {
    const result = await resolver.resolvePipeline(
      pipeline.value,
      {
        user: String(values.user),
        org: String(values.org),
        repo: String(values.repo),
        ...(typeof values.event === 'string' ? { event: values.event } : {}),
        fromFork: values.fork === true,
      },
      { signal: context.signal },
    );
    progress.stop();
    return printResolution(context, { result, references, pipeline, warnings });
  } catch (error) {
    progress.stop();
    return output.fail(flattenProblems(error, locate));
  } finally {
    await resolver.close();
  }
}

function checkFlags(values: CommandContext['values']): void {
  const problems: string[] = [];
  if (!REPOSITORY_PATTERN.test(String(values.repo)))
    problems.push('--repo must be owner/name, for example acme/app.');
  if (values.json === true && values.format !== undefined) {
    problems.push(
      '--format chooses how the pipeline is printed for people; --json prints it inside one JSON object. Give one of them.',
    );
  }
  if (problems.length > 0) {
    throw new CliError('USAGE', `${problems.join(' ')} Run fromsecret resolve --help for usage.`);
  }
}

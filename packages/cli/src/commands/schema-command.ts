import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from '../cli-error';
import type { CommandSpec } from '../command-spec';
import { PROVIDER_PACKAGE_OPTION } from '../registry/provider-packages';
import { integrationsSchema } from '../schema/integrations-schema';
import { loadListedProviders } from './load-all-providers';

/** `fromsecret schema`: the integrations file's JSON Schema, from the providers' fields. */
export const schemaCommand: CommandSpec = {
  name: 'schema',
  summary: "print the integrations file's JSON Schema, for editors",
  description:
    "Prints the JSON Schema of the integrations file, generated from the settings of every provider fromsecret providers lists with the same flags, or writes it to a file with --output. The package ships it as integrations.schema.json; point an editor at it, for example with a first line '# yaml-language-server: $schema=./node_modules/@fromsecret/cli/integrations.schema.json'.",
  positionals: [],
  options: {
    output: {
      type: 'string',
      valueName: '<file>',
      description: 'write the schema to this file instead of stdout',
    },
    integrations: {
      type: 'string',
      valueName: '<file>',
      description: 'also describe the settings of the types this integrations file uses',
    },
    'provider-package': PROVIDER_PACKAGE_OPTION,
  },
  examples: [
    'fromsecret schema --output integrations.schema.json',
    'fromsecret schema --integrations integrations.yml --output integrations.schema.json',
  ],
  async run(context) {
    const { output, values, cwd } = context;
    const { definitions, problems } = await loadListedProviders(context);
    if (problems.length > 0) return output.fail(problems);
    const schema = integrationsSchema(definitions);
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    if (typeof values.output !== 'string') return output.succeed({ schema }, text);
    try {
      await writeFile(resolve(cwd, values.output), text);
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? 'unknown error');
      throw new CliError(
        'FILE_NOT_READABLE',
        `Cannot write ${values.output} (${code}); check that its directory exists and is writable.`,
      );
    }
    return output.succeed({ file: values.output }, '');
  },
};

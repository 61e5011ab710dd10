import { closestMatch, type Integration, SecretError } from '@fromsecret/core';
import { CliError } from '../cli-error';
import type { CommandContext, CommandSpec } from '../command-spec';
import { startProgressLine } from '../output/progress-line';
import { PROVIDER_PACKAGE_OPTION } from '../registry/provider-packages';
import { openResolver } from './open-resolver';

/** `fromsecret test <name|id>`: logs in to an integration's store and reads nothing. */
export const testConnectionCommand: CommandSpec = {
  name: 'test',
  aliases: ['test-connection'],
  summary: "test an integration's connection and credentials",
  description:
    "Authenticates against the integration's store with the settings in the integrations file and checks that the store answers, without reading any secret. Prints Connection test successful, or the error with how to fix it (exit 1). A number names an integration by id, anything else by name.",
  positionals: ['<name|id>'],
  options: {
    integrations: {
      type: 'string',
      valueName: '<file>',
      required: true,
      description: 'the integrations file (YAML)',
    },
    'provider-package': PROVIDER_PACKAGE_OPTION,
  },
  examples: ['fromsecret test vault-prod --integrations integrations.yml'],
  run: runTestConnection,
};

async function runTestConnection(context: CommandContext): Promise<number> {
  const { output } = context;
  const { resolver, integrations, warnings } = await openResolver(context);
  try {
    const integration = findIntegration(
      integrations,
      context.positionals[0]!,
      String(context.values.integrations),
    );
    const described = { id: integration.id, name: integration.name, type: integration.type };
    const progress = startProgressLine(context.stderr, `Testing ${integration.name}…`);
    const result = await resolver.testConnection(integration.id, { signal: context.signal });
    progress.stop();
    if (!result.ok) return output.fail([{ error: result.error }]);
    output.note(
      `${integration.name} (#${integration.id}, ${integration.type}): ${result.durationMs} ms\n`,
    );
    return output.succeed(
      { integration: described, message: result.message, durationMs: result.durationMs, warnings },
      `${result.message}\n`,
    );
  } finally {
    await resolver.close();
  }
}

/**
 * The integration `argument` names: by id when it is a whole number, else by name (ignoring
 * case). A number that is both one integration's id and another's name is ambiguous.
 */
function findIntegration(
  integrations: readonly Integration[],
  argument: string,
  file: string,
): Integration {
  const byName = integrations.filter(
    (entry) => entry.name.toLowerCase() === argument.toLowerCase(),
  );
  const byId = /^[1-9]\d*$/.test(argument)
    ? integrations.filter((entry) => entry.id === Number(argument))
    : [];
  const found = [...new Set([...byId, ...byName])];
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw notFound(integrations, argument, file);
  throw new CliError(
    'USAGE',
    `${argument} is the id of integration "${byId[0]!.name}" and the name of integration ${byName[0]!.id}; give the other one's name or id instead.`,
  );
}

function notFound(
  integrations: readonly Integration[],
  argument: string,
  file: string,
): SecretError {
  const names = integrations.map((entry) => entry.name);
  const suggestion = closestMatch(argument, names);
  const defined =
    integrations.length === 0
      ? 'it defines none'
      : `it defines ${integrations.map((entry) => `${entry.name} (#${entry.id})`).join(', ')}`;
  const hint = suggestion === undefined ? '' : ` Did you mean ${suggestion}?`;
  return new SecretError({
    code: 'INTEGRATION_NOT_FOUND',
    message: `No integration in ${file} has the id or name ${JSON.stringify(argument)}; ${defined}.${hint}`,
  });
}

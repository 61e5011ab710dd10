import type { ConfigField, ProviderDefinition } from '@fromsecret/core';
import type { CommandSpec } from '../command-spec';
import { PROVIDER_PACKAGE_OPTION } from '../registry/provider-packages';
import { loadListedProviders } from './load-all-providers';

/** `fromsecret providers`: the installed provider types and their settings. */
export const providersCommand: CommandSpec = {
  name: 'providers',
  summary: 'list the installed provider types and their settings',
  description:
    "Lists every provider type with each setting of its config: name, kind, whether it is required or secret, its default and what it does. The types are the built-in and registered ones, those mapped to a package (--provider-package, or the providers map of the integrations file) and, with --integrations, every type the file uses: a third-party package is looked for next to fromsecret and in the working directory. Exits with 1 when a provider's package is missing or broken.",
  positionals: [],
  options: {
    integrations: {
      type: 'string',
      valueName: '<file>',
      description:
        'also list the types this integrations file uses (its settings are not read, so no credential needs to be set)',
    },
    'provider-package': PROVIDER_PACKAGE_OPTION,
  },
  examples: [
    'fromsecret providers',
    'fromsecret providers --integrations integrations.yml --json',
    'fromsecret providers --provider-package acme_store=@acme/fromsecret-store',
  ],
  async run(context) {
    const { output } = context;
    const { definitions, problems } = await loadListedProviders(context);
    if (problems.length > 0) return output.fail(problems);
    const providers = definitions.map((definition) => ({
      type: definition.type,
      displayName: definition.displayName,
      fields: definition.fields,
    }));
    return output.succeed({ providers }, definitions.map(describeProvider).join('\n'));
  },
};

function describeProvider(definition: ProviderDefinition): string {
  const rows = definition.fields.map((field) => [
    field.name,
    field.kind === 'select' ? `one of ${(field.options ?? []).join('|')}` : field.kind,
    flags(field),
    field.description ?? field.label,
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map(
    (row) =>
      `  ${row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ')}\n`,
  );
  return `${definition.type}: ${definition.displayName}\n${lines.join('')}`;
}

function flags(field: ConfigField): string {
  const parts = [field.required ? 'required' : 'optional'];
  if (field.secret) parts.push('secret');
  if (field.default !== undefined) parts.push(`default ${JSON.stringify(field.default)}`);
  return parts.join(', ');
}

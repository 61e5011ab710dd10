import type { ConfigField, ProviderDefinition } from '@fromsecret/core';
import type { CommandSpec } from '../command-spec';
import { loadAllProviders } from './load-all-providers';

/** `fromsecret providers`: the installed provider types and their settings. */
export const providersCommand: CommandSpec = {
  name: 'providers',
  summary: 'list the installed provider types and their settings',
  description:
    "Lists every provider type that loads (the built-in ones and any registered) with each setting of its config: name, kind, whether it is required or secret, its default and what it does. Exits with 1 when a provider's package is missing or broken.",
  positionals: [],
  options: {},
  examples: ['fromsecret providers', 'fromsecret providers --json'],
  async run({ registry, output }) {
    const { definitions, problems } = await loadAllProviders(registry);
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

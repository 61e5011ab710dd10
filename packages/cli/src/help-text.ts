import { COMMON_OPTIONS, type CommandSpec, type OptionSpec } from './command-spec';

/** The `--help` text of one command: usage, description, flags and examples. */
export function commandHelp(spec: CommandSpec): string {
  const required = Object.entries(spec.options)
    .filter(([, option]) => option.required)
    .map(([name, option]) => `--${name} ${option.valueName ?? ''}`.trimEnd());
  const usage = ['fromsecret', spec.name, ...spec.positionals, ...required, '[options]'].join(' ');
  const rows = Object.entries({ ...spec.options, ...COMMON_OPTIONS }).map(([name, option]) =>
    optionRow(name, option),
  );
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const flags = rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
  const aliases =
    spec.aliases === undefined || spec.aliases.length === 0
      ? ''
      : `\nAlso: ${spec.aliases.map((alias) => `fromsecret ${alias}`).join(', ')}\n`;
  return [
    `Usage: ${usage}\n${aliases}`,
    `${spec.description}\n`,
    `Options:\n${flags.join('\n')}\n`,
    `Example${spec.examples.length > 1 ? 's' : ''}:\n${spec.examples.map((line) => `  ${line}`).join('\n')}\n`,
  ].join('\n');
}

/** The `fromsecret --help` text: the commands and how to get help on each. */
export function generalHelp(specs: readonly CommandSpec[]): string {
  const width = Math.max(...specs.map((spec) => spec.name.length));
  const commands = specs.map((spec) => `  ${spec.name.padEnd(width)}  ${spec.summary}`);
  return [
    'Usage: fromsecret <command> [arguments] [options]\n',
    'Resolves from_secret references in CI pipeline files against secret stores.\n',
    `Commands:\n${commands.join('\n')}\n`,
    'Every command accepts --json (one JSON object on stdout) and --help; fromsecret --version prints the version.',
    'Exit status: 0 success, 1 the check, resolution or connection test failed, 2 usage error.\n',
    "Run fromsecret <command> --help for a command's options and an example.\n",
  ].join('\n');
}

function optionRow(name: string, option: OptionSpec): [string, string] {
  const flag =
    option.type === 'string' ? `--${name} ${option.valueName ?? '<value>'}` : `--${name}`;
  const choices = option.choices === undefined ? '' : ` (${option.choices.join(', ')})`;
  const required = option.required ? ' (required)' : '';
  const repeatable = option.multiple ? ' (repeatable)' : '';
  return [flag, `${option.description}${choices}${required}${repeatable}`];
}

import { parseArgs } from 'node:util';
import { closestMatch } from '@fromsecret/core';
import { CliError } from './cli-error';
import { COMMON_OPTIONS, type CommandSpec } from './command-spec';

/** A command line checked against its command's flags and arguments. */
export interface ParsedCommandLine {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * Parses a command's arguments strictly: an unknown flag (with the nearest known one), a
 * missing or extra argument, a flag given twice, a missing required flag, a value outside
 * its choices and an empty value are all usage errors (exit 2).
 */
export function parseCommandLine(spec: CommandSpec, args: readonly string[]): ParsedCommandLine {
  const options = { ...spec.options, ...COMMON_OPTIONS };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(
        Object.entries(options).map(([name, option]) => [
          name,
          { type: option.type, multiple: option.multiple === true },
        ]),
      ),
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    throw usageError(spec, describeParseError(error, Object.keys(options)));
  }
  const values = parsed.values as ParsedCommandLine['values'];
  const repeatable = Object.keys(options).filter((name) => options[name]?.multiple === true);
  const problems = [
    ...repeatedFlags(parsed.tokens ?? [], repeatable),
    ...positionalProblems(spec, parsed.positionals),
    ...flagProblems(spec, values),
  ];
  if (problems.length > 0) throw usageError(spec, problems.join(' '));
  return { values, positionals: parsed.positionals };
}

function describeParseError(error: unknown, known: readonly string[]): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? 'given';
    const suggestion = closestMatch(flag.replace(/^-+/, ''), known);
    const hint = suggestion === undefined ? '' : ` Did you mean --${suggestion}?`;
    return `Unknown option ${flag}.${hint}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${message}.`;
  throw error;
}

function repeatedFlags(
  tokens: ReadonlyArray<{ kind: string; name?: string }>,
  repeatable: readonly string[],
): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    if (repeatable.includes(token.name)) continue;
    if (seen.has(token.name)) repeated.add(token.name);
    seen.add(token.name);
  }
  return [...repeated].map((name) => `--${name} is given more than once; give it once.`);
}

function positionalProblems(spec: CommandSpec, positionals: readonly string[]): string[] {
  const expected = spec.positionals;
  if (positionals.length < expected.length) {
    return [`Missing ${expected.slice(positionals.length).join(' ')}.`];
  }
  if (positionals.length > expected.length) {
    const extra = positionals.slice(expected.length).map((value) => JSON.stringify(value));
    return [`Unexpected argument ${extra.join(' ')}.`];
  }
  return positionals
    .filter((value) => value === '')
    .map(() => 'An argument is empty; give a value.');
}

function flagProblems(spec: CommandSpec, values: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, option] of Object.entries(spec.options)) {
    const value = values[name];
    if (value === undefined) {
      if (option.required)
        problems.push(
          `Missing --${name}${option.valueName === undefined ? '' : ` ${option.valueName}`}.`,
        );
      continue;
    }
    if (value === '' || (Array.isArray(value) && value.includes(''))) {
      problems.push(`--${name} is empty; give a value.`);
    } else if (option.choices !== undefined && !option.choices.includes(String(value))) {
      problems.push(`--${name} must be one of ${option.choices.join(', ')}.`);
    }
  }
  return problems;
}

function usageError(spec: CommandSpec, problem: string): CliError {
  return new CliError('USAGE', `${problem} Run fromsecret ${spec.name} --help for usage.`);
}

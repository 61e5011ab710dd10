import type { ProviderRegistry } from '@fromsecret/core';
import type { Environment } from './files/substitute-environment';
import type { CliStream } from './output/cli-streams';
import type { CommandOutput } from './output/command-output';
import type { ProviderPackages } from './registry/provider-packages';

/** One flag of a command. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the flag does, for `--help`. */
  description: string;
  /** The placeholder in `--help`, for example `<file>`. */
  valueName?: string;
  /** Whether the command refuses to run without it. @default false */
  required?: boolean;
  /** The only values allowed. */
  choices?: readonly string[];
  /** Whether the flag may be given more than once (its value is then a list). @default false */
  multiple?: boolean;
}

/** What a command receives once its command line is parsed. */
export interface CommandContext {
  /** Flag values by name (without `--`); a list for a `multiple` flag. */
  values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  /** The positional arguments, as many as the command declares. */
  positionals: readonly string[];
  output: CommandOutput;
  /** Where relative paths are resolved. */
  cwd: string;
  /** Environment variables, for `${NAME}` in the integrations file. */
  environment: Environment;
  /** Where progress lines are drawn (only when it is a terminal). */
  stderr: CliStream;
  /**
   * The provider registry, with `packages` (the integrations file's `providers` map and
   * `--provider-package`) as its `packages` option. Throws a usage error when the host gave its
   * own registry and `packages` is not empty.
   */
  createRegistry(packages: ProviderPackages): ProviderRegistry;
  /** Aborted when the user interrupts the command. */
  signal: AbortSignal;
}

/** A subcommand: its command line, its help, and what it does. */
export interface CommandSpec {
  name: string;
  /** Other names it answers to. @default [] */
  aliases?: readonly string[];
  /** One line for the command list. */
  summary: string;
  /** A paragraph for `--help`. */
  description: string;
  /** The positional arguments, by placeholder (`<pipeline.yml>`); each is required. */
  positionals: readonly string[];
  options: Readonly<Record<string, OptionSpec>>;
  /** Example command lines for `--help`. */
  examples: readonly string[];
  /** Runs the command; resolves to the exit status. Throws `CliError`s and `SecretError`s. */
  run(context: CommandContext): Promise<number>;
}

/** Flags every command accepts. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', description: 'print one JSON object: { "ok": true|false, ... }' },
  help: { type: 'boolean', description: 'show this help' },
};

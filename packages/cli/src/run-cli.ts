import {
  closestMatch,
  createProviderRegistry,
  type ProviderRegistry,
  SecretError,
} from '@fromsecret/core';
import { CliError } from './cli-error';
import { COMMANDS, findCommand } from './commands/command-list';
import type { Environment } from './files/substitute-environment';
import { commandHelp, generalHelp } from './help-text';
import type { CliStream } from './output/cli-streams';
import { CommandOutput, EXIT_FAILED, EXIT_OK } from './output/command-output';
import { flattenProblems } from './output/flatten-problems';
import { parseCommandLine } from './parse-command-line';
import { isProblemsFound } from './problems-found';

/** Where {@link runCli} reads and writes; every member defaults to the current process's. */
export interface RunCliOptions {
  /** @default process.stdout */
  stdout?: CliStream;
  /** @default process.stderr */
  stderr?: CliStream;
  /** Environment variables for `${NAME}` in the integrations file. @default process.env */
  environment?: Environment;
  /** Where relative paths are resolved. @default process.cwd() */
  cwd?: string;
  /**
   * The provider registry. Register third-party definitions on it to make their types usable.
   * @default a registry that imports built-in and installed providers by type
   */
  registry?: ProviderRegistry;
  /** Aborts a running resolution or connection test (the binary wires it to Ctrl-C). */
  signal?: AbortSignal;
  /** What `fromsecret --version` prints. @default undefined (`--version` is then unknown) */
  version?: string;
}

/**
 * Runs the `fromsecret` command line with `args` (without `node` and the script) and resolves
 * to the exit status: 0 success, 1 the check, resolution or connection test failed, 2 usage
 * error. It never calls `process.exit`, so a host can embed it.
 *
 * @example
 * const status = await runCli(['check', '.woodpecker.yml', '--json']);
 */
export async function runCli(
  args: readonly string[],
  options: RunCliOptions = {},
): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const output = new CommandOutput({ stdout, stderr }, wantsJson(args));
  const [name, ...rest] = args;
  if (name === '--version' && options.version !== undefined) {
    stdout.write(`${options.version}\n`);
    return EXIT_OK;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    return showGeneralHelp(name, rest, stdout, output);
  }
  const spec = findCommand(name);
  if (spec === undefined) return output.fail([{ error: unknownCommand(name) }]);
  if (rest.some(isHelpFlag)) {
    stdout.write(commandHelp(spec));
    return EXIT_OK;
  }
  try {
    const { values, positionals } = parseCommandLine(spec, rest);
    return await spec.run({
      values,
      positionals,
      output,
      cwd: options.cwd ?? process.cwd(),
      environment: options.environment ?? process.env,
      stderr,
      registry: options.registry ?? createDefaultRegistry(),
      signal: options.signal ?? new AbortController().signal,
    });
  } catch (error) {
    if (isProblemsFound(error) || error instanceof CliError || SecretError.isInstance(error)) {
      return output.fail(flattenProblems(error));
    }
    stderr.write(
      output.scrub(`fromsecret: internal error, please report it: ${describeBug(error)}\n`),
    );
    return EXIT_FAILED;
  }
}

function showGeneralHelp(
  name: string | undefined,
  rest: readonly string[],
  stdout: CliStream,
  output: CommandOutput,
): number {
  if (name === 'help' && rest[0] !== undefined) {
    const spec = findCommand(rest[0]);
    if (spec === undefined) return output.fail([{ error: unknownCommand(rest[0]) }]);
    stdout.write(commandHelp(spec));
    return EXIT_OK;
  }
  if (name === undefined) {
    return output.fail([
      { error: new CliError('USAGE', `No command given.\n${generalHelp(COMMANDS)}`) },
    ]);
  }
  stdout.write(generalHelp(COMMANDS));
  return EXIT_OK;
}

/**
 * The registry the binary uses. Its `import()` runs here, in the CLI package, so that the
 * providers the CLI depends on resolve from its own `node_modules`.
 */
function createDefaultRegistry(): ProviderRegistry {
  return createProviderRegistry({ importModule: (specifier) => import(specifier) });
}

function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).includes('--json');
}

function isHelpFlag(arg: string): boolean {
  return arg === '--help' || arg === '-h';
}

function unknownCommand(name: string): CliError {
  const known = COMMANDS.flatMap((spec) => [spec.name, ...(spec.aliases ?? [])]);
  const suggestion = closestMatch(name, known);
  const hint = suggestion === undefined ? '' : ` Did you mean ${suggestion}?`;
  return new CliError(
    'USAGE',
    `Unknown command ${JSON.stringify(name)}.${hint} The commands are ${known.join(', ')}; run fromsecret --help.`,
  );
}

function describeBug(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

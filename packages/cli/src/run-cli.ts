import { closestMatch, type ProviderRegistry, SecretError } from '@fromsecret/core';
import { CliError } from './cli-error';
import { COMMANDS, findCommand } from './commands/command-list';
import type { Environment } from './files/substitute-environment';
import { commandHelp, generalHelp } from './help-text';
import type { CliStream } from './output/cli-streams';
import { CommandOutput, EXIT_FAILED, EXIT_OK } from './output/command-output';
import { flattenProblems } from './output/flatten-problems';
import { parseCommandLine } from './parse-command-line';
import { isProblemsFound } from './problems-found';
import { createCliRegistry } from './registry/create-cli-registry';
import type { ProviderPackages } from './registry/provider-packages';

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
   * With it, the integrations file's `providers` map and `--provider-package` are usage errors:
   * give the registry its `packages` option instead.
   * @default a registry that imports built-in and installed providers by type, from the CLI's
   * installation or from `cwd`
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
    const cwd = options.cwd ?? process.cwd();
    return await spec.run({
      values,
      positionals,
      output,
      cwd,
      environment: options.environment ?? process.env,
      stderr,
      createRegistry: (packages) => chooseRegistry(options.registry, packages, cwd),
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
 * The host's registry when it gave one, else the CLI's own. A host's registry was created with
 * its own `packages` option, which the CLI cannot add to: mapping types there would be
 * silently ignored, so it is refused.
 */
function chooseRegistry(
  registry: ProviderRegistry | undefined,
  packages: ProviderPackages,
  cwd: string,
): ProviderRegistry {
  if (registry === undefined) return createCliRegistry({ packages, cwd });
  if (packages.size === 0) return registry;
  const types = [...packages.keys()].join(', ');
  throw new CliError(
    'USAGE',
    `This program runs fromsecret with its own provider registry, so provider types cannot be mapped to packages (${types}) with --provider-package or the integrations file's providers map; pass them to createProviderRegistry({ packages }) where the registry is created.`,
  );
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

// The public API of @fromsecret/cli: run the command line from another program.

export { CLI_ERROR_CODES, CliError, type CliErrorCode, type CliErrorJSON } from './cli-error';
export type { CliStream } from './output/cli-streams';
export { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './output/command-output';
export { type RunCliOptions, runCli } from './run-cli';

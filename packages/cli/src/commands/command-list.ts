import type { CommandSpec } from '../command-spec';
import { checkCommand } from './check-command';
import { providersCommand } from './providers-command';
import { resolveCommand } from './resolve-command';
import { schemaCommand } from './schema-command';
import { testConnectionCommand } from './test-connection-command';

/** Every subcommand, in the order `fromsecret --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  checkCommand,
  resolveCommand,
  testConnectionCommand,
  providersCommand,
  schemaCommand,
];

/** The command called `name` (or one of its aliases). */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((spec) => spec.name === name || (spec.aliases ?? []).includes(name));
}

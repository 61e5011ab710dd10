import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runCli } from '@fromsecret/cli';
import type { ProviderRegistry } from '@fromsecret/core';

/** What one `fromsecret` command printed and how it exited. */
export interface FromsecretRun {
  /** The exit status (1 when the process was ended by a signal). */
  status: number;
  stdout: string;
  stderr: string;
}

/** Where and how a `fromsecret` command runs. */
export interface FromsecretOptions {
  /** Working directory: relative paths in the arguments are resolved from it. */
  cwd: string;
  /** The command's environment variables (the credentials), besides PATH. */
  environment: Readonly<Record<string, string>>;
  /** Ctrl-C: stops the command. */
  signal: AbortSignal;
}

/** How long a command may run before the demo gives up on it. */
const COMMAND_TIMEOUT_MS = 60_000;

/**
 * The built `fromsecret` binary of `@fromsecret/cli`, found through its package.json `bin`
 * the way `npx fromsecret` finds it.
 */
export function fromsecretBinary(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@fromsecret/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin: { fromsecret: string };
  };
  return join(dirname(manifestPath), manifest.bin.fromsecret);
}

/**
 * Runs the built binary in a child process, as an operator does, with only PATH and the given
 * variables in its environment. Output is piped, so the CLI draws no progress line.
 */
export function spawnFromsecret(
  args: readonly string[],
  options: FromsecretOptions,
): Promise<FromsecretRun> {
  const binary = fromsecretBinary();
  if (!existsSync(binary)) {
    throw new Error(
      `${binary} does not exist: the CLI is not built. Run pnpm demo from the repository root, which builds it first (or pnpm turbo run build --filter=@fromsecret/example-demo...).`,
    );
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binary, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', ...options.environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { stdout: '', stderr: '' };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
    const interrupt = () => child.kill('SIGINT');
    options.signal.addEventListener('abort', interrupt, { once: true });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fromsecret ${args[0]} did not finish within ${COMMAND_TIMEOUT_MS} ms.`));
    }, COMMAND_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', interrupt);
      resolve({ status: code ?? 1, ...output });
    });
  });
}

/**
 * Runs the same command line in this process through `runCli`, with `registry` in place of the
 * binary's own: the way to hand the Azure Key Vault provider the emulator's CA, which no
 * integration setting can do.
 */
export async function runFromsecretEmbedded(
  args: readonly string[],
  options: FromsecretOptions & { registry: ProviderRegistry },
): Promise<FromsecretRun> {
  const output = { stdout: '', stderr: '' };
  const status = await runCli(args, {
    cwd: options.cwd,
    environment: { ...options.environment },
    registry: options.registry,
    signal: options.signal,
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
  });
  return { status, ...output };
}

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built binary the tests run, exactly as `npx fromsecret` would. */
export const BINARY = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

/** What a run of the binary printed and how it exited. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link spawnCli}. */
export interface SpawnCliOptions {
  /** Working directory: relative paths in the arguments are resolved from it. */
  cwd: string;
  /** Environment variables besides PATH (nothing else is inherited). @default {} */
  environment?: Record<string, string>;
  /** Ends the run after this many milliseconds (and fails the test). @default 20000 */
  timeoutMs?: number;
  /** Sends SIGINT (Ctrl-C) after this many milliseconds. @default never */
  interruptAfterMs?: number;
}

/**
 * Runs `node dist/bin.js <args>` with stdout and stderr piped (so, not a terminal) and a
 * controlled environment. The binary must have been built (`npx tsup` in packages/cli; turbo
 * builds before testing).
 */
export function spawnCli(args: readonly string[], options: SpawnCliOptions): Promise<CliRun> {
  if (!existsSync(BINARY)) {
    throw new Error(`${BINARY} does not exist: build the CLI first (cd packages/cli && npx tsup)`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BINARY, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', ...options.environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fromsecret ${args.join(' ')} did not finish in time\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    const interrupt =
      options.interruptAfterMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGINT'), options.interruptAfterMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      clearTimeout(interrupt);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A temporary directory with the given files in it; `remove()` deletes it. */
export interface Workspace {
  directory: string;
  /** Writes a file (relative path) and returns the path. */
  write(name: string, text: string): string;
  remove(): void;
}

/** Creates a {@link Workspace}. */
export function createWorkspace(): Workspace {
  const directory = mkdtempSync(join(tmpdir(), 'fromsecret-cli-'));
  return {
    directory,
    write(name, text) {
      const path = join(directory, name);
      if (!existsSync(dirname(path))) throw new Error(`no directory for ${name}`);
      writeFileSync(path, text);
      return name;
    },
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

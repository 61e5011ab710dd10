import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The bench package's directory: its node_modules link the built workspace packages. */
export const BENCH_DIRECTORY = fileURLToPath(new URL('../..', import.meta.url));

/** One fresh process that imports a package: the import's own time, and the whole process's. */
export interface ProbeTiming {
  importMs: number;
  processMs: number;
}

/**
 * Imports `specifier` in a fresh `node` (no TypeScript loader, the built package as users get
 * it) and times the import inside that process and the process from spawn to exit.
 */
export async function probeImport(specifier: string | undefined): Promise<ProbeTiming> {
  const started = performance.now();
  const { stdout } = await node(['--input-type=module', '-e', probeScript(specifier)]);
  const processMs = performance.now() - started;
  return { importMs: (JSON.parse(stdout) as { importMs: number }).importMs, processMs };
}

/** Imports `specifier` in a fresh `node` and returns every module it loaded. */
export async function recordImport(specifier: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'fromsecret-bench-'));
  const file = join(directory, 'loaded-modules.txt');
  try {
    const recorder = new URL('./record-loaded-modules.mjs', import.meta.url).href;
    await node(['--import', recorder, '--input-type=module', '-e', probeScript(specifier)], {
      BENCH_LOADED_MODULES_FILE: file,
    });
    return await readFile(file, 'utf8');
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function probeScript(specifier: string | undefined): string {
  const load = specifier === undefined ? '' : `await import(${JSON.stringify(specifier)});`;
  return `const started = performance.now(); ${load} process.stdout.write(JSON.stringify({ importMs: performance.now() - started }));`;
}

async function node(args: string[], extraEnvironment: Record<string, string> = {}) {
  // A plain Node, as a user's: none of this process's loader flags or NODE_OPTIONS.
  const { NODE_OPTIONS: _ignored, ...environment } = process.env;
  try {
    return await run(process.execPath, args, {
      cwd: BENCH_DIRECTORY,
      env: { ...environment, ...extraEnvironment },
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    const hint = stderr.includes('ERR_MODULE_NOT_FOUND')
      ? ' The packages are not built: run `pnpm build` (`pnpm bench` builds them first).'
      : '';
    throw new Error(`A cold-start probe failed.${hint}\n${stderr}`, { cause: error });
  }
}

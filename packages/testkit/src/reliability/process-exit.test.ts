import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface ChildOutcome {
  exitCode: number | string;
  stderr: string;
  stdout: string;
  /** Milliseconds between the child's last output and its exit. */
  lingeredMs: number;
}

/** Runs the child script and waits for it to exit by itself (killing it after `boundMs`). */
function runChild(script: URL, boundMs: number): Promise<ChildOutcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(script)], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let lastOutput = performance.now();
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    lastOutput = performance.now();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    const bound = setTimeout(() => {
      child.kill();
      resolve({ exitCode: `still running after ${boundMs} ms`, stderr, stdout, lingeredMs: -1 });
    }, boundMs);
    child.on('exit', (code) => {
      clearTimeout(bound);
      const lingeredMs = performance.now() - lastOutput;
      resolve({ exitCode: code ?? 'killed', stderr, stdout, lingeredMs });
    });
  });
}

describe('a process whose resolutions failed', () => {
  it('exits by itself once the resolver and the emulators are closed, for every provider', async () => {
    const outcome = await runChild(
      new URL('./__fixtures__/failing-resolution-child.ts', import.meta.url),
      50_000,
    );
    expect({ exitCode: outcome.exitCode, stderr: outcome.stderr }).toEqual({
      exitCode: 0,
      stderr: '',
    });
    // Nothing may hold the process once the work is done: no retry timer, no socket.
    expect(outcome.lingeredMs).toBeLessThan(1_000);
    const results = JSON.parse(outcome.stdout) as Record<string, { codes: string[] }>;
    const codes = Object.fromEntries(
      Object.entries(results).map(([scenario, result]) => [scenario, result.codes]),
    );
    for (const type of ['vault', 'azure_key_vault', 'infisical']) {
      expect(codes).toMatchObject({
        [`${type} warm-up`]: [],
        [`${type} hang-login`]: ['TIMEOUT'],
        [`${type} hang-read`]: ['TIMEOUT'],
        [`${type} down`]: ['UNREACHABLE'],
      });
    }
  }, 60_000);
});

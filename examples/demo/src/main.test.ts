import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const exampleDirectory = fileURLToPath(new URL('..', import.meta.url));

interface InterruptedRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx src/main.ts` and sends it SIGINT once it has started testing the connections. */
function runAndInterrupt(): Promise<InterruptedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: exampleDirectory,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { stdout: '', stderr: '' };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output.stdout += chunk;
      if (output.stdout.includes('2. Testing') && child.exitCode === null) child.kill('SIGINT');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the demo did not end after Ctrl-C\n${output.stdout}\n${output.stderr}`));
    }, 90_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, ...output });
    });
  });
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('pnpm demo on Ctrl-C', () => {
  it('stops the command, the emulators and removes its files, then exits 130', async () => {
    const run = await runAndInterrupt();
    expect(run.stderr).toContain('Interrupted: emulators stopped, temporary files removed.');
    expect(run.status).toBe(130);
    expect(run.stdout).not.toContain('3. Resolving');
    const directory = /DEMO_TMP=(\S+)/.exec(run.stdout)?.[1];
    expect(directory).toBeDefined();
    expect(existsSync(directory!)).toBe(false);
    const ports = [...run.stdout.matchAll(/https:\/\/127\.0\.0\.1:(\d+) /g)].map((match) =>
      Number(match[1]),
    );
    expect(ports).toHaveLength(3);
    for (const port of ports) expect(await refusesConnections(port)).toBe(true);
  }, 120_000);
});

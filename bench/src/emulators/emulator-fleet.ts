import { type ChildProcess, fork } from 'node:child_process';
import type {
  EmulatorAnswerMessage,
  EmulatorCommand,
  EmulatorEndpoints,
  RequestCounts,
} from './emulator-protocol';

/** The three emulated stores, served by a child process, and the controls the benchmark needs. */
export interface EmulatorFleet {
  readonly endpoints: EmulatorEndpoints;
  /** Delay before every answer of every store, in milliseconds. */
  setLatency(milliseconds: number): Promise<void>;
  /** Requests each store answered since the last {@link EmulatorFleet.clear}, from its own log. */
  counts(): Promise<RequestCounts>;
  /** Forgets the stores' request logs. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the Vault, Azure Key Vault and Infisical emulators in a child process (the same
 * loader as this one, so TypeScript sources run), seeded with `paths` secrets.
 */
export async function startEmulatorFleet(paths: number): Promise<EmulatorFleet> {
  const child = fork(new URL('./emulator-host.ts', import.meta.url), { stdio: 'inherit' });
  const call = caller(child);
  const endpoints = (await call({ command: 'start', paths })) as EmulatorEndpoints;
  return {
    endpoints,
    setLatency: async (milliseconds) => {
      await call({ command: 'set-latency', milliseconds });
    },
    counts: async () => (await call({ command: 'counts' })) as RequestCounts,
    clear: async () => {
      await call({ command: 'clear' });
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await call({ command: 'close' });
      await exited;
    },
  };
}

/** Sends commands to the emulator process and pairs each answer with its command. */
function caller(child: ChildProcess): (command: EmulatorCommand) => Promise<unknown> {
  let next = 0;
  let ended: Error | undefined;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const failAll = (error: Error) => {
    ended ??= error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  child.on('message', (message: EmulatorAnswerMessage) => {
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) pending?.resolve(message.result);
    else pending?.reject(new Error(`The emulator process failed: ${message.message}`));
  });
  child.on('error', failAll);
  child.on('exit', (code, signal) => {
    failAll(new Error(`The emulator process exited (code ${code}, signal ${signal}).`));
  });
  return (command) =>
    new Promise((resolve, reject) => {
      // A command to a process that has gone would never be answered.
      if (ended !== undefined) return reject(ended);
      const id = next++;
      waiting.set(id, { resolve, reject });
      child.send({ ...command, id }, (error) => {
        if (error === null) return;
        waiting.delete(id);
        reject(error);
      });
    });
}

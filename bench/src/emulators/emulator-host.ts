// The emulator process: serves the three emulated stores on loopback for the benchmark process,
// so that the stores' work does not run on the event loop being measured.
import {
  type AzureKeyVaultEmulator,
  type InfisicalEmulator,
  type RequestLog,
  startAzureKeyVaultEmulator,
  startInfisicalEmulator,
  startVaultEmulator,
  type VaultEmulator,
} from '@fromsecret/testkit/emulators';
import { BENCH_CREDENTIALS } from '../layout/bench-credentials';
import { type BenchPath, benchPaths, benchValue, benchValues } from '../layout/bench-paths';
import type {
  EmulatorAnswerMessage,
  EmulatorCommand,
  EmulatorEndpoints,
  EmulatorRequestMessage,
  RequestCounts,
} from './emulator-protocol';

interface RunningEmulators {
  vault: VaultEmulator;
  azure: AzureKeyVaultEmulator;
  infisical: InfisicalEmulator;
}

let running: RunningEmulators | undefined;

async function startEmulators(count: number): Promise<EmulatorEndpoints> {
  const paths = benchPaths(count);
  const ofType = (type: BenchPath['type']) => paths.filter((path) => path.type === type);
  const vault = await startVaultEmulator();
  vault.addRole({ ...BENCH_CREDENTIALS.vault, policies: ['bench'] });
  vault.setPolicy('bench', { 'secret/data/bench/*': ['read'] });
  for (const path of ofType('vault')) vault.writeSecret(path.path, benchValues(path));
  const azure = await startAzureKeyVaultEmulator({
    principals: [BENCH_CREDENTIALS.azure],
    secrets: ofType('azure_key_vault').map((path) => ({
      name: path.path,
      versions: [benchValue(path.path, 'value')],
    })),
  });
  const { projectId, environment, clientId, clientSecret } = BENCH_CREDENTIALS.infisical;
  const infisical = await startInfisicalEmulator({
    identities: [{ clientId, clientSecret, projects: [projectId] }],
    secrets: ofType('infisical').map((path) => ({
      projectId,
      environment,
      key: path.path,
      versions: [benchValue(path.path, 'value')],
    })),
  });
  running = { vault, azure, infisical };
  return {
    vault: { url: vault.url },
    azure_key_vault: {
      vaultUrl: azure.vaultUrl,
      authorityHost: azure.authorityHost,
      tenantId: azure.tenantId,
      caCert: azure.caCert,
    },
    infisical: { url: infisical.url },
  };
}

function started(): RunningEmulators {
  if (running === undefined) throw new Error('The emulators were not started: send "start" first.');
  return running;
}

function countByOperation(log: RequestLog): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of log.entries) counts[entry.operation] = (counts[entry.operation] ?? 0) + 1;
  return counts;
}

async function execute(command: EmulatorCommand): Promise<unknown> {
  switch (command.command) {
    case 'start':
      return startEmulators(command.paths);
    case 'set-latency':
      for (const emulator of Object.values(started())) emulator.setLatency(command.milliseconds);
      return undefined;
    case 'counts': {
      const { vault, azure, infisical } = started();
      const counts: RequestCounts = {
        vault: countByOperation(vault.log),
        azure_key_vault: countByOperation(azure.log),
        infisical: countByOperation(infisical.log),
      };
      return counts;
    }
    case 'clear':
      for (const emulator of Object.values(started())) emulator.log.clear();
      return undefined;
    case 'close':
      await Promise.all(Object.values(started()).map((emulator) => emulator.close()));
      running = undefined;
      return undefined;
  }
}

process.on('message', (message: EmulatorRequestMessage) => {
  execute(message).then(
    (result) => answer({ id: message.id, ok: true, result }, message.command === 'close'),
    (error: unknown) =>
      answer({ id: message.id, ok: false, message: String((error as Error)?.stack ?? error) }),
  );
});

/** Sends the answer; after "close", also lets go of the channel so that this process ends. */
function answer(message: EmulatorAnswerMessage, last = false): void {
  process.send?.(message, () => {
    if (last) process.disconnect();
  });
}

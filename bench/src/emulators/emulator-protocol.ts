import type { StoreType } from '../layout/bench-paths';

/** What the benchmark process asks of the emulator process. */
export type EmulatorCommand =
  | { command: 'start'; paths: number }
  | { command: 'set-latency'; milliseconds: number }
  | { command: 'counts' }
  | { command: 'clear' }
  | { command: 'close' };

/** A command with the number its answer carries. */
export type EmulatorRequestMessage = EmulatorCommand & { id: number };

/** The emulator process's answer to one command. */
export type EmulatorAnswerMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string };

/** Where the emulators listen, and the CA the Azure Key Vault emulator's certificate is from. */
export interface EmulatorEndpoints {
  vault: { url: string };
  azure_key_vault: { vaultUrl: string; authorityHost: string; tenantId: string; caCert: string };
  infisical: { url: string };
}

/** Requests each emulator answered since the last `clear`, by operation label. */
export type RequestCounts = Record<StoreType, Record<string, number>>;

import { inspect } from 'node:util';
import {
  type Logger,
  type ProviderContext,
  SecretError,
  type SecretErrorCode,
  type SecretProvider,
} from '@fromsecret/core';
import { mountVaultEmulatorOnNock, type VaultEmulator } from '@fromsecret/testkit';
import nock from 'nock';
import { expect } from 'vitest';
import { createVaultProvider } from '../index';
import type { VaultConfigInput } from '../vault-config';

/** Canary credentials: tests assert they never appear in an error or a log line. */
export const canaries = {
  roleId: 'CANARY-ROLE-ID-4b1c',
  secretId: 'CANARY-SECRET-ID-7f3a',
  tokenPrefix: 'CANARY-TOKEN-9c1e',
  value: 'CANARY-VALUE-2d8b',
} as const;

/** The origin nock serves the emulator at: never resolved, never contacted. */
export const origin = 'http://vault.provider.test:8200';

/** A logger that keeps every line, fields included, as text. */
export interface CapturingLogger extends Logger {
  readonly lines: string[];
}

/** A nock-served Vault emulator with a role, a reader policy, and providers for it. */
export interface NockVault {
  emulator: VaultEmulator;
  logger: CapturingLogger;
  /** The clock the emulator and providers share, in milliseconds. */
  clock: { now: number };
  /** A provider for the emulator (closed by `cleanUp`). */
  provider(
    settings?: Partial<VaultConfigInput>,
    context?: Partial<ProviderContext>,
  ): SecretProvider;
  cleanUp(): Promise<void>;
}

/** Options of {@link createNockVault}. */
export interface NockVaultOptions {
  origin?: string;
  namespace?: string;
  tokenTtlSeconds?: number;
}

/**
 * Mounts the Vault emulator on nock (no socket, no other network: `disableNetConnect`) with
 * the canary role, a `reader` policy on `secret/data/crow/*` and `kv/*`, and canary tokens.
 */
export function createNockVault(options: NockVaultOptions = {}): NockVault {
  nock.disableNetConnect();
  const clock = { now: 1_700_000_000_000 };
  let issued = 0;
  const emulator = mountVaultEmulatorOnNock(nock, options.origin ?? origin, {
    now: () => clock.now,
    createToken: () => `${canaries.tokenPrefix}-${++issued}`,
  });
  emulator.addRole({
    roleId: canaries.roleId,
    secretId: canaries.secretId,
    policies: ['reader'],
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    ...(options.tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: options.tokenTtlSeconds }),
  });
  emulator.setPolicy('reader', { 'secret/data/crow/*': ['read'], 'kv/*': ['read'] });
  const logger = capturingLogger();
  const providers: SecretProvider[] = [];
  return {
    emulator,
    logger,
    clock,
    provider(settings = {}, context = {}) {
      const provider = createVaultProvider(
        {
          address: options.origin ?? origin,
          roleId: canaries.roleId,
          secretId: canaries.secretId,
          ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
          ...settings,
        },
        { logger, now: () => clock.now, ...context },
      );
      providers.push(provider);
      return provider;
    },
    async cleanUp() {
      for (const provider of providers) await provider.close();
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}

/** A signal nobody aborts. */
export function liveSignal(): { signal: AbortSignal } {
  return { signal: new AbortController().signal };
}

/** Asserts that `action` fails with a `SecretError` of `code` that leaks no canary. */
export async function expectSecretError(
  action: () => Promise<unknown>,
  code: SecretErrorCode,
): Promise<SecretError> {
  const error = await action().then(
    () => expect.unreachable(`expected ${code}, but the call succeeded`),
    (failure: unknown) => failure,
  );
  if (!SecretError.isInstance(error)) throw error;
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  expectNoCanary(
    [error.message, JSON.stringify(error.toJSON()), String(error.cause), inspect(error)].join('\n'),
  );
  return error;
}

/** Asserts that no canary credential or value appears in `text`. */
export function expectNoCanary(text: string): void {
  for (const canary of Object.values(canaries)) expect(text).not.toContain(canary);
}

function capturingLogger(): CapturingLogger {
  const lines: string[] = [];
  const capture = (level: string) => (message: string, fields?: object) => {
    lines.push(`${level} ${message} ${fields === undefined ? '' : inspect(fields, { depth: 8 })}`);
  };
  return {
    lines,
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
  };
}

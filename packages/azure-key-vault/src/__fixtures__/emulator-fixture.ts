import { inspect } from 'node:util';
import { type Logger, SecretError, type SecretProvider } from '@fromsecret/core';
import {
  type AzureKeyVaultEmulator,
  type AzureKeyVaultEmulatorOptions,
  startAzureKeyVaultEmulator,
} from '@fromsecret/testkit';
import { expect } from 'vitest';
import type { AzureKeyVaultConfigInput } from '../azure-key-vault-config';
import { createAzureKeyVaultProvider } from '../azure-key-vault-definition';

/** The service principal every emulator test logs in as. */
export const clientId = '11111111-2222-4333-8444-555555555555';
/** Its client secret: a canary that must never appear in any error or log line. */
export const clientSecret = 'CANARY-AZURE-CLIENT-SECRET-7f3a';
/** A principal the vault lets read nothing. */
export const readerlessClientId = '22222222-2222-4333-8444-555555555555';

/** Settings of a vault in Azure's public cloud, for tests in which nothing reaches Azure. */
export const publicCloudConfig = {
  vaultUrl: 'https://myvault.vault.azure.net',
  tenantId: '8f2c7a3e-5b1d-4c6e-9a0f-3d2b1c4e5f60',
  clientId,
  clientSecret,
};

/** A logger that drops everything. */
export const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** A recognisable secret value. */
export function canaryValue(label: string): string {
  return `CANARY-AZURE-VALUE-${label}-7f3a`;
}

/** An emulator, settings that reach it, a capturing logger and a provider factory. */
export interface EmulatorFixture {
  emulator: AzureKeyVaultEmulator;
  config: AzureKeyVaultConfigInput;
  /** Every log line the fixture's providers wrote, fields included. */
  lines: string[];
  logger: Logger;
  /** A provider for the emulator; `overrides` replace settings. */
  provider(overrides?: Partial<AzureKeyVaultConfigInput>): SecretProvider;
  close(): Promise<void>;
}

/** Starts an emulator seeded with `options` (the test principals are always there). */
export async function startEmulatorFixture(
  options: AzureKeyVaultEmulatorOptions = {},
): Promise<EmulatorFixture> {
  const emulator = await startAzureKeyVaultEmulator({
    ...options,
    principals: [
      { clientId, clientSecret },
      { clientId: readerlessClientId, clientSecret, canRead: false },
      ...(options.principals ?? []),
    ],
  });
  const lines: string[] = [];
  const capture = (level: string) => (message: string, fields?: object) => {
    lines.push(`${level} ${message} ${fields === undefined ? '' : inspect(fields, { depth: 8 })}`);
  };
  const logger = {
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
  };
  const config: AzureKeyVaultConfigInput = {
    vaultUrl: emulator.vaultUrl,
    authorityHost: emulator.authorityHost,
    tenantId: emulator.tenantId,
    clientId,
    clientSecret,
  };
  const providers: SecretProvider[] = [];
  return {
    emulator,
    config,
    lines,
    logger,
    provider(overrides = {}) {
      const created = createAzureKeyVaultProvider(
        { ...config, ...overrides },
        { logger, emulator: { caCert: emulator.caCert } },
      );
      providers.push(created);
      return created;
    },
    async close() {
      for (const created of providers) await created.close();
      await emulator.close();
    },
  };
}

/** A signal nobody aborts. */
export function liveSignal(): AbortSignal {
  return new AbortController().signal;
}

/** Runs `call`, expects a `SecretError` of `code`, and returns it. */
export async function expectFailure(
  call: () => Promise<unknown>,
  code: string,
): Promise<SecretError> {
  const outcome = await call().then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(
    SecretError.isInstance(outcome),
    `expected a SecretError ${code}, got ${String(outcome)}`,
  ).toBe(true);
  expect((outcome as SecretError).code, (outcome as SecretError).message).toBe(code);
  return outcome as SecretError;
}

/** Every text a host could show for an error: message, stack, JSON form and causes. */
export function errorTexts(error: unknown, depth = 0): string[] {
  if (depth > 6 || typeof error !== 'object' || error === null) return [String(error)];
  const texts = [String(error), String((error as Error).stack)];
  if (SecretError.isInstance(error)) texts.push(JSON.stringify(error.toJSON()));
  for (const nested of (error as SecretError).errors ?? [])
    texts.push(...errorTexts(nested, depth + 1));
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined) texts.push(...errorTexts(cause, depth + 1));
  return texts;
}

/** Asserts that no secret appears in any of the texts. */
export function expectNoSecretIn(texts: readonly string[], secrets: readonly string[]): void {
  for (const secret of secrets) {
    expect(
      texts.find((text) => text.includes(secret)),
      'an error or log text holds a secret',
    ).toBeUndefined();
  }
}

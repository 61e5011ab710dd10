import { type SecretData, SecretError } from '@fromsecret/core';
import type { VaultConfig } from './vault-config';
import { describeOperation, type VaultOperation, vaultTarget } from './vault-operation';

type ReadOperation = Extract<VaultOperation, { kind: 'read' }>;

/**
 * The keys and values of a successful read: KV v2 `data.data` (and `data.metadata.version`),
 * KV v1 `data`. A value that is not a string (a number, a map written with `vault kv put
 * -format=json`) is returned as its JSON text, so that a reference always gets a string.
 */
export function readSecretData(
  body: unknown,
  operation: ReadOperation,
  config: VaultConfig,
): SecretData {
  const data = objectAt(body, 'data');
  const values = config.kvVersion === 2 ? objectAt(data, 'data') : data;
  if (values === undefined) throw unexpectedAnswer(operation, config);
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    result[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  const version = objectAt(data, 'metadata')?.version;
  return typeof version === 'number' && config.kvVersion === 2
    ? { values: result, version: String(version) }
    : { values: result };
}

function objectAt(source: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function unexpectedAnswer(operation: ReadOperation, config: VaultConfig): SecretError {
  const expected = config.kvVersion === 2 ? 'data.data' : 'data';
  return new SecretError({
    code: 'PROVIDER_ERROR',
    message: `Vault at ${config.address} answered the ${describeOperation(operation, vaultTarget(config))} without a "${expected}" object: check that "address" points at Vault (not a proxy page), and that "mountPath" and "kvVersion" match the engine (vault secrets list -detailed).`,
  });
}

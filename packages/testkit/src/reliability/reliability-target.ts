import type { Integration, ProviderDefinition } from '@fromsecret/core';
import type { FaultQueue } from '../emulator/fault-queue';
import type { RequestLog } from '../emulator/request-log';

/** Canary credentials shared by the three targets: none may ever appear in any output. */
export const CANARY_CREDENTIALS = {
  vaultRoleId: 'CANARY-RELIABILITY-ROLE-ID-5e1a',
  vaultSecretId: 'CANARY-RELIABILITY-SECRET-ID-7f3a',
  vaultToken: 'CANARY-RELIABILITY-VAULT-TOKEN-2b9c',
  azureClientSecret: 'CANARY-RELIABILITY-AZURE-CLIENT-SECRET-90d4',
  infisicalClientId: 'CANARY-RELIABILITY-INFISICAL-CLIENT-ID-41c7',
  infisicalClientSecret: 'CANARY-RELIABILITY-INFISICAL-SECRET-c83e',
} as const;

/** A credential the stores reject: it must never leak either. */
export const WRONG_CREDENTIAL = 'CANARY-RELIABILITY-WRONG-CREDENTIAL-e71d';

/** One provider against its emulator, seen through what every attack needs. */
export interface ReliabilityTarget {
  /** The provider type, for test names. */
  readonly type: 'vault' | 'azure_key_vault' | 'infisical';
  readonly log: RequestLog;
  readonly faults: FaultQueue;
  /** The request log's labels for a login and for a secret read. */
  readonly operations: { readonly login: string; readonly read: string };
  /** The definition to register (Azure's trusts the emulator's CA). */
  readonly definition: ProviderDefinition;
  /** The integration (id 1, allowing org `acme`) that reaches the emulator. */
  readonly integration: Integration;
  /** A reference field set that reads {@link ReliabilityTarget.value}. */
  readonly reference: { readonly path: string; readonly key: string };
  /** The canary value behind {@link ReliabilityTarget.reference}. */
  readonly value: string;
  /** Every credential, token and value that must never leak, at the time of the call. */
  secrets(): string[];
  /** The credentials in the integration's settings, which a store could repeat back. */
  readonly credentials: readonly string[];
  /** The token the store issued last (the current provider's, right after its login). */
  lastToken(): string | undefined;
  /** Settings overrides with a wrong (canary) credential, which the store rejects. */
  readonly wrongCredential: Record<string, string>;
  /** Makes the store deny reading the target's secret (a policy or role without it). */
  denyRead(): void;
  /** Makes the store reject every token it issued so far, as a revocation does. */
  revokeTokens(): void;
  /** Delays every later answer by this many milliseconds. */
  setLatency(milliseconds: number): void;
  /** Stops the emulator: later requests find a closed port. Idempotent. */
  close(): Promise<void>;
}

/** The name of every target's integration. */
export const INTEGRATION_NAME = 'store-under-test';

/** The integration (id 1, allowing org `acme`) of a target of `type`. */
export function integrationFor(type: string, config: unknown): Integration {
  return {
    id: 1,
    name: INTEGRATION_NAME,
    type,
    config,
    allow: { users: [], orgs: ['acme'], repos: [] },
  };
}

/** `close` that runs once, however often it is called. */
export function closeOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}

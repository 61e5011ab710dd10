import { createAzureKeyVaultDefinition } from '@fromsecret/azure-key-vault';
import type { Integration, ProviderDefinition } from '@fromsecret/core';
import { provider as infisicalProvider } from '@fromsecret/infisical';
import { provider as vaultProvider } from '@fromsecret/vault';
import { startAzureKeyVaultEmulator } from '../azure-key-vault/start-azure-key-vault-emulator';
import type { FaultQueue } from '../emulator/fault-queue';
import type { RequestLog } from '../emulator/request-log';
import { startInfisicalEmulator } from '../infisical/start-infisical-emulator';
import { startVaultEmulator } from '../vault/vault-emulator';

/** Canary credentials shared by the three targets: none may ever appear in any output. */
export const CANARY_CREDENTIALS = {
  vaultRoleId: 'CANARY-RELIABILITY-ROLE-ID-5e1a',
  vaultSecretId: 'CANARY-RELIABILITY-SECRET-ID-7f3a',
  vaultToken: 'CANARY-RELIABILITY-VAULT-TOKEN-2b9c',
  azureClientSecret: 'CANARY-RELIABILITY-AZURE-CLIENT-SECRET-90d4',
  infisicalClientId: 'CANARY-RELIABILITY-INFISICAL-CLIENT-ID-41c7',
  infisicalClientSecret: 'CANARY-RELIABILITY-INFISICAL-SECRET-c83e',
} as const;

/** The base64url header of every JWT-shaped token the Azure emulator issues. */
const AZURE_TOKEN_PREFIX = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'RS256' })).toString(
  'base64url',
);

const AZURE_CLIENT_ID = '5d0c2a61-7e3b-4f49-9a1c-2b8e6f4d3c10';

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
  /** Makes the store reject every token it issued so far, as a revocation does. */
  revokeTokens(): void;
  /** Delays every later answer by this many milliseconds. */
  setLatency(milliseconds: number): void;
  /** Stops the emulator: later requests find a closed port. Idempotent. */
  close(): Promise<void>;
}

/** The name of every target's integration. */
export const INTEGRATION_NAME = 'store-under-test';

function integrationFor(type: string, config: unknown): Integration {
  return {
    id: 1,
    name: INTEGRATION_NAME,
    type,
    config,
    allow: { users: [], orgs: ['acme'], repos: [] },
  };
}

function closeOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}

/** Vault (KV v2 at `secret/`, AppRole) on loopback HTTP. */
export async function startVaultTarget(): Promise<ReliabilityTarget> {
  let issued = 0;
  const emulator = await startVaultEmulator({
    createToken: () => `${CANARY_CREDENTIALS.vaultToken}-${++issued}`,
  });
  const value = 'CANARY-RELIABILITY-VAULT-VALUE-6d2f';
  emulator.addRole({
    roleId: CANARY_CREDENTIALS.vaultRoleId,
    secretId: CANARY_CREDENTIALS.vaultSecretId,
    policies: ['ci'],
  });
  emulator.setPolicy('ci', { 'secret/data/crow/*': ['read'] });
  emulator.writeSecret('crow/myapp', {
    api_key: value,
    other: 'CANARY-RELIABILITY-VAULT-OTHER-11ab',
  });
  return {
    type: 'vault',
    log: emulator.log,
    faults: emulator.faults,
    operations: { login: 'login', read: 'read' },
    definition: vaultProvider,
    integration: integrationFor('vault', {
      address: emulator.url,
      roleId: CANARY_CREDENTIALS.vaultRoleId,
      secretId: CANARY_CREDENTIALS.vaultSecretId,
    }),
    reference: { path: 'crow/myapp', key: 'api_key' },
    value,
    secrets: () => [
      ...Object.values(CANARY_CREDENTIALS),
      value,
      'CANARY-RELIABILITY-VAULT-OTHER-11ab',
    ],
    revokeTokens: () => void emulator.revokeTokens(),
    setLatency: (milliseconds) => emulator.setLatency(milliseconds),
    close: closeOnce(() => emulator.close()),
  };
}

/** Azure Key Vault and Entra ID on one loopback HTTPS port, with the emulator's CA trusted. */
export async function startAzureKeyVaultTarget(): Promise<ReliabilityTarget> {
  let clockOffsetMs = 0;
  const value = 'CANARY-RELIABILITY-AZURE-VALUE-3a8e';
  const emulator = await startAzureKeyVaultEmulator({
    now: () => Date.now() + clockOffsetMs,
    principals: [{ clientId: AZURE_CLIENT_ID, clientSecret: CANARY_CREDENTIALS.azureClientSecret }],
    secrets: [{ name: 'api-key', versions: [value] }],
  });
  return {
    type: 'azure_key_vault',
    log: emulator.log,
    faults: emulator.faults,
    operations: { login: 'token', read: 'read' },
    definition: createAzureKeyVaultDefinition({ emulator: { caCert: emulator.caCert } }),
    integration: integrationFor('azure_key_vault', {
      vaultUrl: emulator.vaultUrl,
      authorityHost: emulator.authorityHost,
      tenantId: emulator.tenantId,
      clientId: AZURE_CLIENT_ID,
      clientSecret: CANARY_CREDENTIALS.azureClientSecret,
    }),
    reference: { path: 'api-key', key: 'value' },
    value,
    secrets: () => [...Object.values(CANARY_CREDENTIALS), value, AZURE_TOKEN_PREFIX],
    // Entra ID tokens cannot be revoked; moving the vault's clock past their expiry makes it
    // reject them exactly as it rejects a revoked one (401 on a request with a token).
    revokeTokens: () => {
      clockOffsetMs += 24 * 3600 * 1000;
    },
    setLatency: (milliseconds) => emulator.setLatency(milliseconds),
    close: closeOnce(() => emulator.close()),
  };
}

/** Infisical (Universal Auth, one project) on loopback HTTP. */
export async function startInfisicalTarget(): Promise<ReliabilityTarget> {
  const value = 'CANARY-RELIABILITY-INFISICAL-VALUE-0f5b';
  const emulator = await startInfisicalEmulator({
    identities: [
      {
        clientId: CANARY_CREDENTIALS.infisicalClientId,
        clientSecret: CANARY_CREDENTIALS.infisicalClientSecret,
        projects: ['project-1'],
      },
    ],
    secrets: [{ projectId: 'project-1', environment: 'prod', key: 'API_KEY', versions: [value] }],
  });
  return {
    type: 'infisical',
    log: emulator.log,
    faults: emulator.faults,
    operations: { login: 'login', read: 'read' },
    definition: infisicalProvider,
    integration: integrationFor('infisical', {
      siteUrl: emulator.url,
      clientId: CANARY_CREDENTIALS.infisicalClientId,
      clientSecret: CANARY_CREDENTIALS.infisicalClientSecret,
      projectId: 'project-1',
      environment: 'prod',
    }),
    reference: { path: 'API_KEY', key: 'value' },
    value,
    secrets: () => [...Object.values(CANARY_CREDENTIALS), value, ...emulator.store.issuedTokens()],
    revokeTokens: () => emulator.store.revokeAllTokens(),
    setLatency: (milliseconds) => emulator.setLatency(milliseconds),
    close: closeOnce(() => emulator.close()),
  };
}

/** Every target, by type, for `describe.each`. */
export const TARGETS = [
  { type: 'vault', start: startVaultTarget },
  { type: 'azure_key_vault', start: startAzureKeyVaultTarget },
  { type: 'infisical', start: startInfisicalTarget },
] as const;

import {
  type AzureKeyVaultEmulator,
  type InfisicalEmulator,
  type RequestLog,
  startAzureKeyVaultEmulator,
  startInfisicalEmulator,
  startVaultEmulator,
  type VaultEmulator,
} from '@fromsecret/testkit/emulators';
import { DEMO_CREDENTIALS, DEMO_IDENTIFIERS, DEMO_STORED } from './demo-secrets';

/** The three emulated stores, on loopback, over HTTPS with CAs generated at start. */
export interface DemoEmulators {
  /** KV v2 at `secret/`, the demo's AppRole role and its policy. */
  vault: VaultEmulator;
  /** A vault and Entra ID on one port, with the demo's service principal. */
  azure: AzureKeyVaultEmulator;
  /** Project `acme-app`, environment `prod`, with the demo's machine identity. */
  infisical: InfisicalEmulator;
  /** Each store's request log, for the requests table. */
  logs(): readonly { store: string; log: RequestLog }[];
  /** Stops every emulator that was started. */
  close(): Promise<void>;
}

/**
 * Starts the Vault, Azure Key Vault and Infisical emulators of `@fromsecret/testkit` with the
 * demo's role, principal and identity, and the secrets the pipeline refers to. If one fails to
 * start, the ones already running are stopped before the error is thrown.
 */
export async function startDemoEmulators(): Promise<DemoEmulators> {
  const started: { close(): Promise<void> }[] = [];
  try {
    const vault = await startSeededVault();
    started.push(vault);
    const azure = await startSeededAzure();
    started.push(azure);
    const infisical = await startSeededInfisical();
    started.push(infisical);
    return {
      vault,
      azure,
      infisical,
      logs: () => [
        { store: 'vault-demo', log: vault.log },
        { store: 'azure-demo', log: azure.log },
        { store: 'infisical-demo', log: infisical.log },
      ],
      close: () => closeAll(started),
    };
  } catch (error) {
    await closeAll(started);
    throw error;
  }
}

async function startSeededVault(): Promise<VaultEmulator> {
  const vault = await startVaultEmulator({ tls: true });
  vault.addRole({
    roleId: DEMO_CREDENTIALS.VAULT_ROLE_ID,
    secretId: DEMO_CREDENTIALS.VAULT_SECRET_ID,
    policies: ['acme-app-read'],
  });
  vault.setPolicy('acme-app-read', { 'secret/data/acme/app/*': ['read'] });
  vault.writeSecret('acme/app/database', { ...DEMO_STORED.vault.database });
  for (const apiKey of DEMO_STORED.vault.paymentsVersions) {
    vault.writeSecret('acme/app/payments', { api_key: apiKey });
  }
  return vault;
}

function startSeededAzure(): Promise<AzureKeyVaultEmulator> {
  return startAzureKeyVaultEmulator({
    principals: [
      {
        clientId: DEMO_IDENTIFIERS.azureClientId,
        clientSecret: DEMO_CREDENTIALS.AZURE_CLIENT_SECRET,
      },
    ],
    secrets: Object.entries(DEMO_STORED.azure).map(([name, value]) => ({
      name,
      versions: [value],
    })),
  });
}

function startSeededInfisical(): Promise<InfisicalEmulator> {
  const location = { projectId: DEMO_IDENTIFIERS.infisicalProjectId, environment: 'prod' };
  return startInfisicalEmulator({
    tls: true,
    identities: [
      {
        clientId: DEMO_IDENTIFIERS.infisicalClientId,
        clientSecret: DEMO_CREDENTIALS.INFISICAL_CLIENT_SECRET,
        projects: [location.projectId],
      },
    ],
    secrets: Object.entries(DEMO_STORED.infisical).map(([key, value]) => ({
      ...location,
      key,
      versions: [value],
    })),
  });
}

async function closeAll(started: readonly { close(): Promise<void> }[]): Promise<void> {
  const outcomes = await Promise.allSettled(started.map((emulator) => emulator.close()));
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}

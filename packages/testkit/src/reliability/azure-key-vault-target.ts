import { createAzureKeyVaultDefinition } from '@fromsecret/azure-key-vault';
import { startAzureKeyVaultEmulator } from '../azure-key-vault/start-azure-key-vault-emulator';
import {
  CANARY_CREDENTIALS,
  closeOnce,
  integrationFor,
  type ReliabilityTarget,
  WRONG_CREDENTIAL,
} from './reliability-target';

/** The base64url header of every JWT-shaped token the Azure emulator issues. */
const AZURE_TOKEN_PREFIX = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'RS256' })).toString(
  'base64url',
);

const AZURE_CLIENT_ID = '5d0c2a61-7e3b-4f49-9a1c-2b8e6f4d3c10';

/** Azure Key Vault and Entra ID on one loopback HTTPS port, with the emulator's CA trusted. */
export async function startAzureKeyVaultTarget(): Promise<ReliabilityTarget> {
  let clockOffsetMs = 0;
  const value = 'CANARY-RELIABILITY-AZURE-VALUE-3a8e';
  const principal = {
    clientId: AZURE_CLIENT_ID,
    clientSecret: CANARY_CREDENTIALS.azureClientSecret,
  };
  const emulator = await startAzureKeyVaultEmulator({
    now: () => Date.now() + clockOffsetMs,
    principals: [principal],
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
    secrets: () => [
      ...Object.values(CANARY_CREDENTIALS),
      WRONG_CREDENTIAL,
      value,
      AZURE_TOKEN_PREFIX,
    ],
    credentials: [CANARY_CREDENTIALS.azureClientSecret],
    // The emulator keeps its tokens to itself; the JWT header above catches any that leaks.
    lastToken: () => undefined,
    wrongCredential: { clientSecret: WRONG_CREDENTIAL },
    denyRead: () => emulator.store.addPrincipal({ ...principal, deniedSecrets: ['api-key'] }),
    // Entra ID tokens cannot be revoked; moving the vault's clock past their expiry makes it
    // reject them exactly as it rejects a revoked one (401 on a request with a token).
    revokeTokens: () => {
      clockOffsetMs += 24 * 3600 * 1000;
    },
    setLatency: (milliseconds) => emulator.setLatency(milliseconds),
    close: closeOnce(() => emulator.close()),
  };
}

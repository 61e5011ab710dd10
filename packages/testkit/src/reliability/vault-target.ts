import { provider as vaultProvider } from '@fromsecret/vault';
import { startVaultEmulator } from '../vault/vault-emulator';
import {
  CANARY_CREDENTIALS,
  closeOnce,
  integrationFor,
  type ReliabilityTarget,
  WRONG_CREDENTIAL,
} from './reliability-target';

/** Vault (KV v2 at `secret/`, AppRole) on loopback HTTP. */
export async function startVaultTarget(): Promise<ReliabilityTarget> {
  const issued: string[] = [];
  const emulator = await startVaultEmulator({
    createToken: () => {
      issued.push(`${CANARY_CREDENTIALS.vaultToken}-${issued.length + 1}`);
      return issued.at(-1)!;
    },
  });
  const value = 'CANARY-RELIABILITY-VAULT-VALUE-6d2f';
  const other = 'CANARY-RELIABILITY-VAULT-OTHER-11ab';
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
    secrets: () => [...Object.values(CANARY_CREDENTIALS), WRONG_CREDENTIAL, value, other],
    credentials: [CANARY_CREDENTIALS.vaultRoleId, CANARY_CREDENTIALS.vaultSecretId],
    lastToken: () => issued.at(-1),
    wrongCredential: { secretId: WRONG_CREDENTIAL },
    denyRead: () => emulator.setPolicy('ci', { 'secret/data/elsewhere/*': ['read'] }),
    revokeTokens: () => void emulator.revokeTokens(),
    setLatency: (milliseconds) => emulator.setLatency(milliseconds),
    close: closeOnce(() => emulator.close()),
  };
}

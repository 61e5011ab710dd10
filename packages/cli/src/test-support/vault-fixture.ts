// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the integrations file uses the ${NAME} syntax.
import { startVaultEmulator, type VaultEmulator } from '@fromsecret/testkit';
import type { Workspace } from './spawn-cli';

/** AppRole credentials of the test role: canaries that must never be printed. */
export const ROLE_ID = 'CANARY-ROLE-ID-cli-7f3a';
/** See {@link ROLE_ID}. */
export const SECRET_ID = 'CANARY-SECRET-ID-cli-7f3a';
/** The internal secret of the secrets file. */
export const INTERNAL_TOKEN = 'CANARY-INTERNAL-TOKEN-cli-7f3a';

/** The values stored at `crow/app`: recognisable, and awkward for quoting. */
export const STORED = {
  api_key: 'CANARY-VALUE-api-key-7f3a',
  multi: 'CANARY line one\nline two $HOME `id` "quoted" \\ end\n',
  quote: "CANARY it's $HOME",
} as const;

/** Every canary: no output may hold one unless `--reveal` asked for the values. */
export const CREDENTIALS = [ROLE_ID, SECRET_ID] as const;

/** A Vault emulator with the test role, its policy and `crow/app`. */
export async function startSeededVault(
  options: { latencyMs?: number } = {},
): Promise<VaultEmulator> {
  const vault = await startVaultEmulator(options);
  vault.addRole({ roleId: ROLE_ID, secretId: SECRET_ID, policies: ['reader'] });
  vault.setPolicy('reader', { 'secret/data/crow/*': ['read'] });
  vault.writeSecret('crow/app', { ...STORED });
  return vault;
}

/** Writes `integrations.yml` (credentials as `${VAULT_ROLE_ID}` and `${VAULT_SECRET_ID}`) and `secrets.yml`. */
export function writeIntegrationFiles(workspace: Workspace, vault: VaultEmulator): void {
  workspace.write(
    'integrations.yml',
    [
      'integrations:',
      '  - id: 1',
      '    name: vault-prod',
      '    type: vault',
      '    config:',
      `      address: ${vault.url}`,
      '      roleId: ${VAULT_ROLE_ID}',
      '      secretId: ${VAULT_SECRET_ID}',
      '    allow: { users: [], orgs: [acme], repos: [], forks: false }',
      '',
    ].join('\n'),
  );
  workspace.write('secrets.yml', `my_token: ${INTERNAL_TOKEN}\n`);
}

/** The environment that fills the integrations file's `${}` references. */
export const CREDENTIAL_ENVIRONMENT = { VAULT_ROLE_ID: ROLE_ID, VAULT_SECRET_ID: SECRET_ID };

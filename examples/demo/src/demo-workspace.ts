// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the integrations file uses the ${NAME} syntax.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { DemoEmulators } from './demo-emulators';
import { DEMO_IDENTIFIERS, DEMO_INTERNAL_SECRETS } from './demo-secrets';

/** The temporary directory with the files the `fromsecret` commands read. */
export interface DemoWorkspace {
  directory: string;
  /** The integrations file: the three emulators, credentials as `${NAME}`. */
  integrationsFile: string;
  /** The CI server's own secrets, for `from_secret: <name>`. */
  secretsFile: string;
  /** Deletes the directory and everything in it. */
  remove(): void;
}

/** Creates the temporary directory and writes the integrations and secrets files into it. */
export function createDemoWorkspace(emulators: DemoEmulators): DemoWorkspace {
  const directory = mkdtempSync(join(tmpdir(), 'fromsecret-demo-'));
  const workspace = {
    directory,
    integrationsFile: join(directory, 'integrations.yml'),
    secretsFile: join(directory, 'secrets.yml'),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
  try {
    writeFileSync(workspace.integrationsFile, integrationsText(emulators), { mode: 0o600 });
    writeFileSync(workspace.secretsFile, stringify({ ...DEMO_INTERNAL_SECRETS }), { mode: 0o600 });
  } catch (error) {
    workspace.remove();
    throw error;
  }
  return workspace;
}

/**
 * The integrations file as an operator writes it: settings in the file, credentials as
 * `${NAME}` read from the environment. Vault and Infisical trust the emulators' CAs through
 * their `caCert` setting; Azure Key Vault has no such setting (see the README).
 */
function integrationsText({ vault, azure, infisical }: DemoEmulators): string {
  return [
    'integrations:',
    '  - id: 1',
    '    name: vault-demo',
    '    type: vault',
    '    config:',
    `      address: ${vault.url}`,
    '      roleId: ${VAULT_ROLE_ID}',
    '      secretId: ${VAULT_SECRET_ID}',
    `      caCert: |\n${indent(pem(vault.caCert), 8)}`,
    '    allow: { users: [], orgs: [acme], repos: [], forks: false }',
    '  - id: 2',
    '    name: azure-demo',
    '    type: azure_key_vault',
    '    config:',
    `      vaultUrl: ${azure.vaultUrl}`,
    `      authorityHost: ${azure.authorityHost}`,
    `      tenantId: ${azure.tenantId}`,
    `      clientId: ${DEMO_IDENTIFIERS.azureClientId}`,
    '      clientSecret: ${AZURE_CLIENT_SECRET}',
    '    allow: { users: [], orgs: [], repos: [acme/app] }',
    '  - id: 3',
    '    name: infisical-demo',
    '    type: infisical',
    '    config:',
    `      siteUrl: ${infisical.url}`,
    `      clientId: ${DEMO_IDENTIFIERS.infisicalClientId}`,
    '      clientSecret: ${INFISICAL_CLIENT_SECRET}',
    `      projectId: ${DEMO_IDENTIFIERS.infisicalProjectId}`,
    '      environment: prod',
    `      caCert: |\n${indent(pem(infisical.caCert), 8)}`,
    '    allow: { users: [alice], orgs: [], repos: [] }',
    '',
  ].join('\n');
}

function pem(caCert: string | undefined): string {
  if (caCert === undefined)
    throw new Error('The emulator was started without TLS: no CA to trust.');
  // node-forge writes PEM with CRLF line ends; YAML block scalars want plain lines.
  return caCert.replace(/\r\n/g, '\n').trim();
}

function indent(text: string, spaces: number): string {
  const padding = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => padding + line)
    .join('\n');
}

import { type ConfigField, invalidConfigError, parseConfigFields } from '@fromsecret/core';

/** The provider type integrations use. */
export const AZURE_KEY_VAULT_TYPE = 'azure_key_vault';

/** Where Entra ID (Azure public cloud) issues tokens. */
export const PUBLIC_CLOUD_AUTHORITY_HOST = 'https://login.microsoftonline.com';

/** Settings of an `azure_key_vault` integration, as validated by `parseConfig`. */
export interface AzureKeyVaultConfig {
  /** The vault's URI, reduced to its origin, for example `https://myvault.vault.azure.net`. */
  vaultUrl: string;
  /** The Directory (tenant) ID of the service principal. */
  tenantId: string;
  /** The Application (client) ID of the service principal. */
  clientId: string;
  /** A client secret's value. Write-only. */
  clientSecret: string;
  /** Where Entra ID issues tokens; another host for sovereign clouds. */
  authorityHost: string;
}

/** Settings as an integration's `config` gives them (`authorityHost` may be left out). */
export interface AzureKeyVaultConfigInput {
  /** The vault's URI, `https://<name>.vault.azure.net`. */
  vaultUrl: string;
  /** The Directory (tenant) ID. */
  tenantId: string;
  /** The Application (client) ID. */
  clientId: string;
  /** A client secret's value (not its Secret ID). */
  clientSecret: string;
  /**
   * Where Entra ID issues tokens.
   * @default 'https://login.microsoftonline.com'
   */
  authorityHost?: string;
}

/** The settings of an `azure_key_vault` integration, in display order. */
export const azureKeyVaultFields: readonly ConfigField[] = Object.freeze([
  {
    name: 'vaultUrl',
    label: 'Vault URL',
    description:
      "the vault's URI, https://<name>.vault.azure.net (Azure China: .vault.azure.cn; US Government: .vault.usgovcloudapi.net)",
    required: true,
    secret: false,
    kind: 'url',
  },
  {
    name: 'tenantId',
    label: 'Directory (tenant) ID',
    description: "the Directory (tenant) ID shown on the app registration's Overview page",
    required: true,
    secret: false,
    kind: 'string',
  },
  {
    name: 'clientId',
    label: 'Application (client) ID',
    description: "the Application (client) ID shown on the app registration's Overview page",
    required: true,
    secret: false,
    kind: 'string',
  },
  {
    name: 'clientSecret',
    label: 'Client secret',
    description:
      "the client secret's Value (not its Secret ID), from Certificates & secrets on the app registration",
    required: true,
    secret: true,
    kind: 'string',
  },
  {
    name: 'authorityHost',
    label: 'Authority host',
    description:
      'where Entra ID issues tokens: https://login.chinacloudapi.cn for Azure China, https://login.microsoftonline.us for Azure US Government',
    required: false,
    secret: false,
    kind: 'url',
    default: PUBLIC_CLOUD_AUTHORITY_HOST,
  },
]);

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const tenantDomain = /^(?=.{4,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const sharedTenants = new Set(['common', 'organizations', 'consumers']);

/**
 * Validates an `azure_key_vault` integration's settings and applies defaults, without I/O.
 * Throws one `INVALID_CONFIG` error listing every problem; no value is ever quoted.
 */
export function parseAzureKeyVaultConfig(input: unknown): AzureKeyVaultConfig {
  const { values, issues } = parseConfigFields(azureKeyVaultFields, input);
  if (typeof values.vaultUrl === 'string') checkVaultUrl(values.vaultUrl, issues);
  if (typeof values.tenantId === 'string') checkTenantId(values.tenantId, issues);
  if (typeof values.clientId === 'string' && !guid.test(values.clientId)) {
    issues.push(
      '"clientId" must be the Application (client) ID, a GUID such as 00000000-0000-0000-0000-000000000000',
    );
  }
  if (typeof values.authorityHost === 'string') checkAuthorityHost(values.authorityHost, issues);
  if (issues.length > 0) throw invalidConfigError(AZURE_KEY_VAULT_TYPE, issues);
  return {
    vaultUrl: new URL(values.vaultUrl as string).origin,
    tenantId: values.tenantId as string,
    clientId: values.clientId as string,
    clientSecret: values.clientSecret as string,
    authorityHost: new URL(values.authorityHost as string).origin,
  };
}

function checkVaultUrl(text: string, issues: string[]): void {
  const problem = originProblem(text);
  if (problem !== undefined) {
    issues.push(
      `"vaultUrl" ${problem}; use the vault's URI as the portal shows it, https://<name>.vault.azure.net`,
    );
  }
}

function checkAuthorityHost(text: string, issues: string[]): void {
  const problem = originProblem(text);
  if (problem !== undefined) {
    issues.push(
      `"authorityHost" ${problem}; use the host alone, for example https://login.microsoftonline.com (the tenant goes in "tenantId")`,
    );
  }
}

/** Why a URL is not a bare https origin, if it is not. */
function originProblem(text: string): string | undefined {
  const url = new URL(text);
  if (url.protocol !== 'https:')
    return 'must use https (Azure serves Key Vault and Entra ID over HTTPS only)';
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    return 'must have no path, query or fragment';
  }
  return undefined;
}

function checkTenantId(tenantId: string, issues: string[]): void {
  if (sharedTenants.has(tenantId.toLowerCase())) {
    issues.push(
      `"tenantId" must name the service principal's own tenant, not "${tenantId.toLowerCase()}"; use the Directory (tenant) ID GUID`,
    );
  } else if (!guid.test(tenantId) && !tenantDomain.test(tenantId)) {
    issues.push(
      '"tenantId" must be the Directory (tenant) ID, a GUID, or a verified domain such as contoso.onmicrosoft.com',
    );
  }
}

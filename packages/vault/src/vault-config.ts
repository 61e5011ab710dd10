import { type ConfigField, invalidConfigError, parseConfigFields } from '@fromsecret/core';
import { vaultSpecificIssues } from './vault-config-issues';

/** The provider type of HashiCorp Vault and OpenBao integrations. */
export const VAULT_PROVIDER_TYPE = 'vault';

/** The settings of a `vault` integration after validation, with defaults applied. */
export interface VaultConfig {
  /** Vault's address, for example `https://vault.example.com:8200`. */
  address: string;
  /** The AppRole's role ID. Secret. */
  roleId: string;
  /** The AppRole's secret ID. Secret. */
  secretId: string;
  /** Where the AppRole auth method is mounted. @default 'approle' */
  authPath: string;
  /** Where the KV secrets engine is mounted. @default 'secret' */
  mountPath: string;
  /** The Vault Enterprise or OpenBao namespace, sent as `X-Vault-Namespace`. */
  namespace?: string;
  /** Accept any TLS certificate (logs a warning each time it is used). @default false */
  skipTlsVerify: boolean;
  /** PEM certificate(s) of the CA that signed Vault's certificate. */
  caCert?: string;
  /** The KV secrets engine's version. @default 2 */
  kvVersion: 1 | 2;
}

/** The settings as a user writes them: optional settings may be left out. */
export interface VaultConfigInput {
  /** Vault's address, for example `https://vault.example.com:8200`. */
  address: string;
  /** The AppRole's role ID. */
  roleId: string;
  /** The AppRole's secret ID. */
  secretId: string;
  /** Where the AppRole auth method is mounted. @default 'approle' */
  authPath?: string;
  /** Where the KV secrets engine is mounted. @default 'secret' */
  mountPath?: string;
  /** The namespace (Vault Enterprise, OpenBao). */
  namespace?: string;
  /** Accept any TLS certificate; for tests only. @default false */
  skipTlsVerify?: boolean | 'true' | 'false';
  /** PEM certificate(s) of the CA that signed Vault's certificate. */
  caCert?: string;
  /** The KV secrets engine's version. @default 2 */
  kvVersion?: 1 | 2 | '1' | '2';
}

/** The settings of the `vault` provider, in display order. */
export const vaultConfigFields: readonly ConfigField[] = Object.freeze([
  {
    name: 'address',
    label: 'Address',
    description: "Vault's address, for example https://vault.example.com:8200",
    required: true,
    secret: false,
    kind: 'url',
  },
  {
    name: 'roleId',
    label: 'Role ID',
    description: 'the AppRole role ID (vault read auth/approle/role/<role>/role-id)',
    required: true,
    secret: true,
    kind: 'string',
  },
  {
    name: 'secretId',
    label: 'Secret ID',
    description: 'an AppRole secret ID (vault write -f auth/approle/role/<role>/secret-id)',
    required: true,
    secret: true,
    kind: 'string',
  },
  {
    name: 'authPath',
    label: 'AppRole mount path',
    description: 'where the AppRole auth method is mounted (vault auth list)',
    required: false,
    secret: false,
    kind: 'string',
    default: 'approle',
  },
  {
    name: 'mountPath',
    label: 'KV mount path',
    description: 'where the KV secrets engine is mounted (vault secrets list)',
    required: false,
    secret: false,
    kind: 'string',
    default: 'secret',
  },
  {
    name: 'namespace',
    label: 'Namespace',
    description: 'the Vault Enterprise or OpenBao namespace, sent as X-Vault-Namespace',
    required: false,
    secret: false,
    kind: 'string',
  },
  {
    name: 'skipTlsVerify',
    label: 'Skip TLS verification',
    description: 'accept any certificate (unsafe; logs a warning each time); prefer caCert',
    required: false,
    secret: false,
    kind: 'boolean',
    default: false,
  },
  {
    name: 'caCert',
    label: 'CA certificate',
    description: "PEM certificate(s) of the CA that signed Vault's certificate",
    required: false,
    secret: false,
    kind: 'pem',
  },
  {
    name: 'kvVersion',
    label: 'KV version',
    description: 'the version of the KV secrets engine at mountPath (1 or 2)',
    required: false,
    secret: false,
    kind: 'select',
    options: ['2', '1'],
    default: '2',
  },
]);

/** Validates `vault` settings and applies defaults; every problem in one `INVALID_CONFIG`. */
export function parseVaultConfig(input: unknown): VaultConfig {
  const { values, issues } = parseConfigFields(vaultConfigFields, input);
  issues.push(...vaultSpecificIssues(values));
  if (issues.length > 0) throw invalidConfigError(VAULT_PROVIDER_TYPE, issues);
  const config: VaultConfig = {
    address: (values.address as string).replace(/\/+$/, ''),
    roleId: values.roleId as string,
    secretId: values.secretId as string,
    authPath: values.authPath as string,
    mountPath: values.mountPath as string,
    skipTlsVerify: values.skipTlsVerify as boolean,
    kvVersion: Number(values.kvVersion) as 1 | 2,
  };
  if (values.namespace !== undefined) config.namespace = values.namespace as string;
  if (values.caCert !== undefined) config.caCert = values.caCert as string;
  return config;
}

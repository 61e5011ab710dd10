import { type ProviderReference, SecretError } from '@fromsecret/core';

/** The key every Key Vault reference uses: a Key Vault secret holds one value. */
export const VALUE_KEY = 'value';

const secretName = /^[0-9a-zA-Z-]{1,127}$/;
const versionId = /^[0-9a-f]{32}$/i;

/** A secret name and version as Key Vault addresses them; `version` absent means latest. */
export interface KeyVaultAddress {
  name: string;
  version?: string;
}

/**
 * Checks a reference against Key Vault's rules, without I/O: the secret name, the key
 * (always `value`), and the version form (a version id; 0 or absent for the latest).
 */
export function validateAzureKeyVaultReference(reference: ProviderReference): void {
  if (reference.key !== VALUE_KEY) {
    throw invalidReference(
      `key "${reference.key}" cannot be read from Azure Key Vault secret "${reference.path}": Key Vault secrets are single-valued, so the key must be "value"`,
    );
  }
  toKeyVaultAddress(reference.path, reference.version);
}

/**
 * The name and version a read addresses. Throws `INVALID_REFERENCE` for a name Key Vault
 * cannot hold or a version that is not a version id.
 */
export function toKeyVaultAddress(path: string, version?: number | string): KeyVaultAddress {
  if (!secretName.test(path)) throw invalidReference(nameProblem(path));
  if (version === undefined || version === 0) return { name: path };
  if (typeof version === 'number') {
    throw invalidReference(
      `version ${version} of Azure Key Vault secret "${path}" cannot be read: Key Vault versions are ids, not numbers; use the version id (32 hexadecimal characters, the last segment of the secret identifier), or 0 or no version for the latest`,
    );
  }
  if (!versionId.test(version)) {
    throw invalidReference(
      `version "${version}" of Azure Key Vault secret "${path}" is not a Key Vault version id; use the 32 hexadecimal characters that end the secret identifier https://<vault>/secrets/${path}/<version>, or 0 or no version for the latest`,
    );
  }
  return { name: path, version: version.toLowerCase() };
}

function nameProblem(path: string): string {
  const base = `"${path}" is not an Azure Key Vault secret name: names are 1 to 127 characters of 0-9, a-z, A-Z and -`;
  if (path.length > 127) return `${base} (this one has ${path.length})`;
  const suggestion = path.replace(/[^0-9a-zA-Z-]+/g, '-');
  const folders = path.includes('/') ? '; Key Vault has no folders' : '';
  return secretName.test(suggestion)
    ? `${base}${folders}; rename it, for example "${suggestion}"`
    : base;
}

function invalidReference(message: string): SecretError {
  return new SecretError({ code: 'INVALID_REFERENCE', message });
}

import { type ProviderReference, SecretError } from '@fromsecret/core';

/**
 * Checks a reference against what Infisical can hold, without I/O: `key` must be `value`
 * (an Infisical secret is one value), `path` is a key name (folders belong in the
 * integration's `secretPath`), and `version` is a whole number. Throws `INVALID_REFERENCE`.
 */
export function validateInfisicalReference(reference: ProviderReference): void {
  if (reference.key !== 'value') {
    throw invalidReference(
      `Infisical secrets hold a single value, so the reference to "${reference.path}" must use ` +
        `key: value (it uses key: ${JSON.stringify(reference.key)}).`,
    );
  }
  checkSecretName(reference.path);
  infisicalVersion(reference.version);
}

/** Throws `INVALID_REFERENCE` unless `name` can be an Infisical secret key name. */
export function checkSecretName(name: string): void {
  if (name.includes('/')) {
    throw invalidReference(
      `"${name}" is not an Infisical secret key name: the reference's path is the key name ` +
        "alone; set the folder in the integration's secretPath (one integration per folder).",
    );
  }
}

/**
 * The version to ask Infisical for: a positive integer, or `undefined` for the latest
 * (absent or 0). Anything else, version strings included, is `INVALID_REFERENCE`.
 */
export function infisicalVersion(version: number | string | undefined): number | undefined {
  if (version === undefined || version === 0) return undefined;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > 0) return version;
  const hint =
    typeof version === 'string' && /^\d+$/.test(version)
      ? ` write it as a number without quotes (version: ${version})`
      : ' use a whole number (0 or no version for the latest)';
  throw invalidReference(
    `Infisical versions are whole numbers, so version ${JSON.stringify(version)} cannot be read;${hint}.`,
  );
}

function invalidReference(message: string): SecretError {
  return new SecretError({ code: 'INVALID_REFERENCE', message });
}

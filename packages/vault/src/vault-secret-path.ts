import { encodeSecretPath, type ReadRequest, SecretError } from '@fromsecret/core';
import type { VaultConfig } from './vault-config';
import type { VaultOperation } from './vault-operation';

/** Where a read goes: the encoded API path (with its query) and the operation it is. */
export interface VaultReadLocation {
  /** Relative to `/v1/`, every segment encoded, for example `secret/data/crow/my%20app?version=3`. */
  apiPath: string;
  operation: Extract<VaultOperation, { kind: 'read' }>;
}

/**
 * The API path of a read: KV v2 `<mount>/data/<path>[?version=N]`, KV v1 `<mount>/<path>`.
 * Every segment of the mount and of the path is percent-encoded, and a path with a `.` or
 * `..` segment is refused, so that a reference can only ever reach a secret read.
 */
export function vaultReadLocation(
  config: Pick<VaultConfig, 'mountPath' | 'kvVersion'>,
  request: ReadRequest,
): VaultReadLocation {
  const version = vaultVersion(config, request.version);
  const encodedPath = encodeSecretPath(request.path);
  const encodedMount = encodeSecretPath(config.mountPath);
  const infix = config.kvVersion === 2 ? 'data/' : '';
  const query = version === undefined ? '' : `?version=${version}`;
  return {
    apiPath: `${encodedMount}/${infix}${encodedPath}${query}`,
    operation: {
      kind: 'read',
      path: request.path,
      policyPath: `${config.mountPath}/${infix}${request.path}`,
      ...(version === undefined ? {} : { version }),
    },
  };
}

/**
 * A reference's version as Vault numbers them, or `undefined` for the latest (absent or 0).
 * Throws `INVALID_REFERENCE` for a version Vault cannot use: a string, a negative or
 * fractional number, or any version on KV v1, which keeps none.
 */
export function vaultVersion(
  config: Pick<VaultConfig, 'kvVersion'>,
  version: number | string | undefined,
): number | undefined {
  if (version === undefined || version === 0) return undefined;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    throw new SecretError({
      code: 'INVALID_REFERENCE',
      message: `Vault numbers versions 1, 2, 3, ...; the version ${JSON.stringify(version)} is not one. Write a whole number without quotes (version: 3), or leave version out for the latest.`,
    });
  }
  if (config.kvVersion === 1) {
    throw new SecretError({
      code: 'INVALID_REFERENCE',
      message: `The integration's KV engine is version 1, which keeps no versions, so version ${version} cannot be read: remove "version" from the reference, or set "kvVersion" to 2 if the engine at this mount is KV version 2.`,
    });
  }
  return version;
}

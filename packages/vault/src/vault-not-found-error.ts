import { SecretError } from '@fromsecret/core';
import { describeOperation, type VaultOperation, type VaultTarget } from './vault-operation';
import type { VaultResponseError } from './vault-response-error';

type ReadOperation = Extract<VaultOperation, { kind: 'read' }>;

interface VersionMetadata {
  version?: unknown;
  deletion_time?: unknown;
  destroyed?: unknown;
}

/**
 * A 404 on a read. KV v2 answers a deleted or destroyed version with a 404 that still
 * carries `data.metadata`, and a version that never existed, like a missing path, with a bare
 * 404; a version asked for is therefore VERSION_NOT_FOUND, the latest missing is
 * SECRET_NOT_FOUND.
 */
export function notFoundError(
  error: VaultResponseError,
  operation: ReadOperation,
  target: VaultTarget,
  cause: Error,
): SecretError {
  const description = describeOperation(operation, target);
  const where = `Vault at ${target.address}`;
  const metadata = metadataOf(error.body);
  if (metadata !== undefined && (metadata.destroyed === true || isSet(metadata.deletion_time))) {
    const version = typeof metadata.version === 'number' ? metadata.version : operation.version;
    const fix =
      metadata.destroyed === true
        ? 'a destroyed version cannot be recovered: reference another version, or write the secret again'
        : `restore it with: vault kv undelete -mount=${target.mountPath} -versions=${version} ${operation.path}`;
    return new SecretError({
      code: 'VERSION_NOT_FOUND',
      message: `${where} has no data for the ${description}: version ${version} was ${
        metadata.destroyed === true ? 'destroyed' : 'deleted'
      }; ${fix}.`,
      cause,
    });
  }
  if (operation.version !== undefined) {
    return new SecretError({
      code: 'VERSION_NOT_FOUND',
      message: `${where} has no version ${operation.version} of "${operation.path}" (${description}): the version was never written, or the secret does not exist; list its versions with: vault kv metadata get -mount=${target.mountPath} ${operation.path}`,
      cause,
    });
  }
  return new SecretError({
    code: 'SECRET_NOT_FOUND',
    message: `${where} has no secret for the ${description}: ${notFoundHint(error, target)}.`,
    cause,
  });
}

function notFoundHint(error: VaultResponseError, target: VaultTarget): string {
  const warnings = (error.body as { warnings?: unknown } | undefined)?.warnings;
  if (
    target.kvVersion === 1 &&
    Array.isArray(warnings) &&
    warnings.some((warning) => typeof warning === 'string' && /versioned K\/V/i.test(warning))
  ) {
    return `the engine at "${target.mountPath}" is KV version 2: set "kvVersion" to 2`;
  }
  return `check the reference's path, and the "mountPath" (${target.mountPath}), "kvVersion" (${target.kvVersion}) and "namespace" settings`;
}

function metadataOf(body: unknown): VersionMetadata | undefined {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const metadata = (data as { metadata?: unknown }).metadata;
  return typeof metadata === 'object' && metadata !== null ? metadata : undefined;
}

function isSet(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

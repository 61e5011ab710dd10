import { closestMatch, SecretError } from '@fromsecret/core';
import type { SealedSecretsFile, SealedVersion } from './sealed-secrets-file';

/** What {@link findSealedVersion} looks for, and where. */
export interface VersionQuery {
  file: string;
  path: string;
  /** 0 for the latest. */
  version: number;
  /** The id of the integration's key. */
  keyId: string;
}

/** A sealed version found, with its number (1-based). */
export interface FoundVersion {
  sealed: SealedVersion;
  version: number;
}

/**
 * Finds the version a read asks for. Throws `SECRET_NOT_FOUND` for a path the file lacks,
 * `PERMISSION_DENIED` for a secret sealed for another key (it exists; this integration may not
 * open it), and `VERSION_NOT_FOUND` for a version the secret never had.
 */
export function findSealedVersion(sealed: SealedSecretsFile, query: VersionQuery): FoundVersion {
  const { file, path, keyId } = query;
  if (!Object.hasOwn(sealed.secrets, path)) {
    // Only paths this key opens are suggested: the others are another team's business.
    const readable = Object.keys(sealed.secrets).filter(
      (candidate) => sealed.secrets[candidate]?.sealedFor === keyId,
    );
    const suggestion = closestMatch(path, readable);
    throw new SecretError({
      code: 'SECRET_NOT_FOUND',
      message: `The secrets file ${file} has no secret at path "${path}".${suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`} Check the reference's path (paths are case-sensitive), or add the secret and seal the file again.`,
    });
  }
  const secret = sealed.secrets[path]!;
  if (secret.sealedFor !== keyId) {
    throw new SecretError({
      code: 'PERMISSION_DENIED',
      message: `The secret "${path}" in ${file} is sealed for another key (key id ${secret.sealedFor}), not for this integration's key (key id ${keyId}); seal it for this integration's key if its pipelines should read it.`,
    });
  }
  const latest = secret.versions.length;
  const version = query.version === 0 ? latest : query.version;
  const found = secret.versions[version - 1];
  if (found === undefined) {
    throw new SecretError({
      code: 'VERSION_NOT_FOUND',
      message: `The secret "${path}" in ${file} has no version ${version}: its versions are 1 to ${latest} (oldest first). Pin one of those, or use 0 or no version for the latest.`,
    });
  }
  return { sealed: found, version };
}

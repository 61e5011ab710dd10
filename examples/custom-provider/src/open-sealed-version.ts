import { createDecipheriv } from 'node:crypto';
import { SecretError } from '@fromsecret/core';
import { associatedData, type SealedVersion } from './sealed-secrets-file';

const ivBytes = 12;
const tagBytes = 16;

/** Where a sealed version sits, for the associated data and for messages. */
export interface VersionLocation {
  file: string;
  path: string;
  /** 1-based, oldest first. */
  version: number;
}

/**
 * Opens one version with the key it is sealed for and returns its key/value map. A version
 * that does not open although its secret names this key was changed after sealing (or copied
 * from another path): `PROVIDER_ERROR`, since no setting of the integration can fix it.
 */
export function openSealedVersion(
  key: Buffer,
  sealed: SealedVersion,
  location: VersionLocation,
): Record<string, string> {
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== ivBytes || tag.length !== tagBytes) {
    throw damagedVersionError(location, `its iv or tag has the wrong length`);
  }
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(associatedData(location.path, location.version));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([
      decipher.update(Buffer.from(sealed.data, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw damagedVersionError(location, 'its authentication tag does not match');
  }
  return parseValues(plaintext, location);
}

function parseValues(plaintext: string, location: VersionLocation): Record<string, string> {
  let values: unknown;
  try {
    values = JSON.parse(plaintext);
  } catch {
    // JSON.parse quotes the text it choked on, and this text is the secret.
    throw damagedVersionError(location, 'its content is not JSON');
  }
  const isMap =
    typeof values === 'object' &&
    values !== null &&
    !Array.isArray(values) &&
    Object.values(values).every((value) => typeof value === 'string');
  if (!isMap) throw damagedVersionError(location, 'its content is not a map of keys to text');
  return values as Record<string, string>;
}

function damagedVersionError(location: VersionLocation, reason: string): SecretError {
  return new SecretError({
    code: 'PROVIDER_ERROR',
    message: `Version ${location.version} of "${location.path}" in the secrets file ${location.file} does not open with the key it is sealed for (${reason}): the file was edited or damaged after sealing. Seal it again from its source with \`npx fromsecret-seal\`.`,
  });
}

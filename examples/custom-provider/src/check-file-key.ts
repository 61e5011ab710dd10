import { SecretError } from '@fromsecret/core';
import type { SealedSecretsFile } from './sealed-secrets-file';

/**
 * Checks that the file is sealed for the integration's key. A key the file does not list is
 * the store rejecting the credential: `AUTHENTICATION_FAILED`, for every path alike. The
 * message names key ids, which are public; never the key.
 */
export function checkFileKey(sealed: SealedSecretsFile, keyId: string, file: string): void {
  if (sealed.keys.includes(keyId)) return;
  const listed = sealed.keys.length === 0 ? 'no key' : `key ids ${sealed.keys.join(', ')}`;
  throw new SecretError({
    code: 'AUTHENTICATION_FAILED',
    message: `The secrets file ${file} is not sealed for the integration's key (key id ${keyId}); it is sealed for ${listed}. Set the integration's "key" to the key the file was sealed with, or seal the file again including this key.`,
  });
}

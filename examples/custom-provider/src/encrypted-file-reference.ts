import { type ProviderReference, SecretError } from '@fromsecret/core';

/**
 * The version a reference asks for, as a whole number (0: the latest). Versions in a sealed
 * file are counted from 1, oldest first, so a version string can never match one.
 */
export function versionNumber(version: number | string | undefined): number {
  if (version === undefined) return 0;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 0) return version;
  throw new SecretError({
    code: 'INVALID_REFERENCE',
    message: `The encrypted_file store numbers versions 1, 2, 3, ... (oldest first), so version ${JSON.stringify(version)} cannot be read; use a whole number, or 0 or no version for the latest.`,
  });
}

/** Checks a reference while the resolver plans: any key may be asked for, versions are numbers. */
export function validateEncryptedFileReference(reference: ProviderReference): void {
  versionNumber(reference.version);
}

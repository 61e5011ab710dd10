import { isAbsolute } from 'node:path';
import { type ConfigField, invalidConfigError, parseConfigFields } from '@fromsecret/core';
import { readFileKey } from './file-key';

/** The provider type string integrations use; the package is `fromsecret-provider-encrypted-file`. */
export const ENCRYPTED_FILE_TYPE = 'encrypted_file';

/** Settings of an `encrypted_file` integration as written in its `config`. */
export interface EncryptedFileConfigInput {
  /** Absolute path of the sealed secrets file. */
  file: string;
  /** The integration's 32-byte key, base64 or hex. Write-only. */
  key: string;
}

/** Validated settings, as `parseConfig` returns them. */
export interface EncryptedFileConfig {
  file: string;
  /** Checked to decode to 32 bytes. */
  key: string;
}

/** The settings, in display order. */
export const encryptedFileFields: readonly ConfigField[] = Object.freeze([
  {
    name: 'file',
    label: 'Secrets file',
    description:
      'absolute path of the sealed secrets file, for example /etc/ci/secrets.sealed.json',
    required: true,
    secret: false,
    kind: 'string',
  },
  {
    name: 'key',
    label: 'Key',
    description:
      "the integration's 32-byte key, base64 or hex (npx fromsecret-seal --generate-key)",
    required: true,
    secret: true,
    kind: 'string',
  },
]);

/**
 * Checks settings without I/O and reports every problem in one `INVALID_CONFIG` error:
 * core's checks (unknown, missing, wrong kind) and this provider's own (an absolute path, a
 * key of the right size). Whether the file exists is for `testConnection` to find out.
 */
export function parseEncryptedFileConfig(input: unknown): EncryptedFileConfig {
  const { values, issues } = parseConfigFields(encryptedFileFields, input);
  if (typeof values.file === 'string' && !isAbsolute(values.file)) {
    issues.push(
      `"file" must be an absolute path: a relative one would depend on the directory the CI server was started in`,
    );
  }
  if (typeof values.key === 'string') {
    const reading = readFileKey(values.key);
    if (reading.problem !== undefined) issues.push(`"key" ${reading.problem}`);
  }
  if (issues.length > 0) throw invalidConfigError(ENCRYPTED_FILE_TYPE, issues);
  return { file: values.file as string, key: values.key as string };
}

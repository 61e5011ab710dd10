import { createCipheriv, randomBytes } from 'node:crypto';
import { invalidConfigError, parseFromSecret } from '@fromsecret/core';
import { fileKeyId, readFileKey } from './file-key';
import {
  associatedData,
  SEALED_SECRETS_FORMAT,
  type SealedSecretsFile,
  type SealedVersion,
} from './sealed-secrets-file';

/** One secret to seal. */
export interface SecretToSeal {
  /** The reference `path` that reads it, for example `crow/myapp`. */
  path: string;
  /** Each version's key/value map, oldest first; the last is the latest. */
  versions: readonly Readonly<Record<string, string>>[];
  /** The key (base64 or hex, one of `keys`) that may open it. @default the first of `keys` */
  sealedFor?: string;
}

/** Options of {@link sealSecretFile}. */
export interface SealSecretFileOptions {
  /** Every key (base64 or hex) the file is sealed for: one per integration that reads it. */
  keys: readonly string[];
  secrets: readonly SecretToSeal[];
}

/**
 * Seals secrets into the text of a sealed secrets file, ready to write to disk. Each version
 * gets a fresh random nonce. Throws `INVALID_CONFIG` listing every problem with the input;
 * keys and values are never quoted.
 */
export function sealSecretFile(options: SealSecretFileOptions): string {
  const issues: string[] = [];
  const keys = new Map<string, Buffer>();
  options.keys.forEach((text, index) => {
    const reading = readFileKey(text);
    if (reading.problem === undefined) keys.set(text, reading.key);
    else issues.push(`keys[${index}] ${reading.problem}`);
  });
  if (options.keys.length === 0) issues.push('keys must list at least one key');
  const file: SealedSecretsFile = {
    format: SEALED_SECRETS_FORMAT,
    keys: [...keys.values()].map(fileKeyId),
    secrets: {},
  };
  for (const [index, secret] of options.secrets.entries()) {
    const problem = secretProblem(secret, keys, file);
    if (problem !== undefined) {
      issues.push(`secrets[${index}] ${problem}`);
      continue;
    }
    const key = keys.get(secret.sealedFor ?? options.keys[0]!)!;
    file.secrets[secret.path] = {
      sealedFor: fileKeyId(key),
      versions: secret.versions.map((values, at) => sealVersion(key, secret.path, at + 1, values)),
    };
  }
  if (issues.length > 0) throw invalidConfigError('sealed secrets file', issues);
  return `${JSON.stringify(file, null, 2)}\n`;
}

function secretProblem(
  secret: SecretToSeal,
  keys: ReadonlyMap<string, Buffer>,
  file: SealedSecretsFile,
): string | undefined {
  try {
    // The same rules as a from_secret reference, so that every sealed path can be read.
    parseFromSecret({ integration: 'seal', path: secret.path, key: 'seal' });
  } catch {
    return 'has a path no from_secret reference can name (empty, "." or ".." segments, a leading or trailing "/", or "\\ ? # %")';
  }
  if (Object.hasOwn(file.secrets, secret.path)) return `repeats the path "${secret.path}"`;
  if (secret.versions.length === 0) return `("${secret.path}") has no versions`;
  const allText = secret.versions.every((values) =>
    Object.values(values).every((value) => typeof value === 'string'),
  );
  if (!allText) return `("${secret.path}") has a value that is not text`;
  if (secret.sealedFor !== undefined && !keys.has(secret.sealedFor)) {
    return `("${secret.path}") is sealed for a key that is not in keys`;
  }
  return undefined;
}

function sealVersion(
  key: Buffer,
  path: string,
  version: number,
  values: Readonly<Record<string, string>>,
): SealedVersion {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(path, version));
  const data = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

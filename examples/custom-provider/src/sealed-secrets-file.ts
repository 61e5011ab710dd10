import { SecretError } from '@fromsecret/core';

/** The `format` marker of a sealed secrets file. A new layout gets a new marker. */
export const SEALED_SECRETS_FORMAT = 'fromsecret-sealed-secrets/1';

/** One version of a secret: its key/value map as JSON, sealed with AES-256-GCM. Base64. */
export interface SealedVersion {
  /** The 12-byte nonce. */
  iv: string;
  /** The ciphertext. */
  data: string;
  /** The 16-byte authentication tag. */
  tag: string;
}

/** One secret: the key that opens it and its versions, oldest first. */
export interface SealedSecret {
  /** The id of the only key that opens this secret (see `fileKeyId`). */
  sealedFor: string;
  versions: SealedVersion[];
}

/** A sealed secrets file: paths and key ids in clear, values sealed. */
export interface SealedSecretsFile {
  format: typeof SEALED_SECRETS_FORMAT;
  /** The ids of every key the file is sealed for. */
  keys: string[];
  /** Reference path to secret. */
  secrets: Record<string, SealedSecret>;
}

/**
 * The data each version's tag authenticates besides its ciphertext: its path and version
 * number, so that an entry copied to another path or version no longer opens.
 */
export function associatedData(path: string, version: number): Buffer {
  return Buffer.from(`${SEALED_SECRETS_FORMAT}\n${path}\n${version}`, 'utf8');
}

/**
 * Parses the text of a sealed secrets file and checks its layout (not its cryptography).
 * Throws `PROVIDER_ERROR` naming the file and the first problems; never a value from it,
 * which is why `JSON.parse`'s own message (it quotes the text) is not kept.
 */
export function parseSealedSecretsFile(text: string, file: string): SealedSecretsFile {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw malformedFileError(file, ['it is not valid JSON']);
  }
  const problems = layoutProblems(document);
  if (problems.length > 0) throw malformedFileError(file, problems);
  return document as SealedSecretsFile;
}

function layoutProblems(document: unknown): string[] {
  if (!isRecord(document)) return ['it is not a JSON object'];
  const problems: string[] = [];
  if (document.format !== SEALED_SECRETS_FORMAT) {
    problems.push(`"format" is not "${SEALED_SECRETS_FORMAT}"`);
  }
  if (!Array.isArray(document.keys) || !document.keys.every((id) => typeof id === 'string')) {
    problems.push('"keys" is not a list of key ids');
  }
  if (!isRecord(document.secrets)) return [...problems, '"secrets" is not an object'];
  for (const [path, secret] of Object.entries(document.secrets)) {
    if (!isSealedSecret(secret)) {
      problems.push(`secrets[${JSON.stringify(path)}] is not { sealedFor, versions: [...] }`);
    }
  }
  return problems;
}

function isSealedSecret(value: unknown): value is SealedSecret {
  return (
    isRecord(value) &&
    typeof value.sealedFor === 'string' &&
    Array.isArray(value.versions) &&
    value.versions.length > 0 &&
    value.versions.every(
      (version) =>
        isRecord(version) &&
        typeof version.iv === 'string' &&
        typeof version.data === 'string' &&
        typeof version.tag === 'string',
    )
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const problemsShown = 3;

function malformedFileError(file: string, problems: readonly string[]): SecretError {
  const shown = problems.slice(0, problemsShown).join('; ');
  const more =
    problems.length > problemsShown ? ` (and ${problems.length - problemsShown} more)` : '';
  return new SecretError({
    code: 'PROVIDER_ERROR',
    message: `The secrets file ${file} is not a sealed secrets file: ${shown}${more}. Seal it again with \`npx fromsecret-seal\` or sealSecretFile(), and check the integration's "file" setting.`,
  });
}

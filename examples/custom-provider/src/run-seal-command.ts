import { SecretError } from '@fromsecret/core';
import { generateFileKey } from './file-key';
import { type SecretToSeal, sealSecretFile } from './seal-secret-file';

/** The environment variable `fromsecret-seal` takes the key from (never a flag: shells log flags). */
export const SEAL_KEY_VARIABLE = 'FROMSECRET_FILE_KEY';

/** What a run of `fromsecret-seal` prints and how it exits. */
export interface SealCommandResult {
  status: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

const usage = `Usage:
  fromsecret-seal --generate-key                  print a new random key (base64)
  ${SEAL_KEY_VARIABLE}=<key> fromsecret-seal < secrets.json > secrets.sealed.json

secrets.json maps each path to its keys and values, or to a list of versions (oldest first):
  { "crow/myapp": { "api_key": "..." }, "crow/db": [{ "password": "old" }, { "password": "new" }] }
`;

/**
 * The `fromsecret-seal` command without its process: `input` is standard input (undefined
 * when it is a terminal). Exit status 0 sealed, 1 bad input or key, 2 called wrongly.
 */
export function runSealCommand(
  args: readonly string[],
  input: string | undefined,
  environment: Readonly<Record<string, string | undefined>>,
): SealCommandResult {
  if (args.length === 1 && args[0] === '--generate-key') {
    return { status: 0, stdout: `${generateFileKey()}\n`, stderr: '' };
  }
  if (args.length > 0 || input === undefined) return { status: 2, stdout: '', stderr: usage };
  const key = environment[SEAL_KEY_VARIABLE];
  if (key === undefined || key === '') {
    return failure(`set ${SEAL_KEY_VARIABLE} to the integration's key (see --generate-key).`);
  }
  let plaintext: unknown;
  try {
    plaintext = JSON.parse(input);
  } catch {
    // JSON.parse's message quotes the input, which is full of secrets.
    return failure('standard input is not valid JSON.');
  }
  const secrets = secretsToSeal(plaintext);
  if (typeof secrets === 'string') return failure(secrets);
  try {
    return { status: 0, stdout: sealSecretFile({ keys: [key], secrets }), stderr: '' };
  } catch (error) {
    if (!SecretError.isInstance(error)) throw error;
    return failure(error.message);
  }
}

/** The plaintext as secrets to seal, or what is wrong with its shape (never a value). */
function secretsToSeal(plaintext: unknown): SecretToSeal[] | string {
  if (!isRecord(plaintext)) return 'standard input must be a JSON object of path: secret pairs.';
  const secrets: SecretToSeal[] = [];
  for (const [path, secret] of Object.entries(plaintext)) {
    const versions = Array.isArray(secret) ? secret : [secret];
    if (!versions.every(isRecord)) {
      return `"${path}" must be an object of key: value pairs, or a list of them (its versions).`;
    }
    secrets.push({ path, versions: versions as Record<string, string>[] });
  }
  return secrets;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function failure(message: string): SealCommandResult {
  return { status: 1, stdout: '', stderr: `fromsecret-seal: ${message}\n` };
}

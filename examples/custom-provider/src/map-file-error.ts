import { SecretError, sanitizeCause } from '@fromsecret/core';
import { abortedError } from './aborted-error';

/**
 * Turns a failed read of the secrets file into a `SecretError`. The store is the file, so a
 * missing file means the store cannot be reached (`UNREACHABLE`), and a file the process may
 * not read is a denial (`PERMISSION_DENIED`), never "not found".
 */
export function mapFileError(error: unknown, file: string, signal: AbortSignal): SecretError {
  if (signal.aborted) return abortedError(signal, file);
  if (SecretError.isInstance(error)) return error;
  const cause = sanitizeCause(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new SecretError({
        code: 'UNREACHABLE',
        message: `The secrets file ${file} does not exist; check the integration's "file" setting (an absolute path on the machine that resolves secrets), or create the file with \`npx fromsecret-seal\`.`,
        cause,
      });
    case 'EACCES':
    case 'EPERM':
      return new SecretError({
        code: 'PERMISSION_DENIED',
        message: `The secrets file ${file} exists but this process may not read it (${code}); give the user that runs the CI server read access to it (for example \`chmod 640\` and its group).`,
        cause,
      });
    case 'EISDIR':
      return new SecretError({
        code: 'INVALID_CONFIG',
        message: `The integration's "file" setting names a directory, ${file}; point it at the sealed secrets file itself.`,
        cause,
      });
    default:
      return new SecretError({
        code: 'PROVIDER_ERROR',
        message: `Reading the secrets file ${file} failed (${cause.name}: ${cause.message}); check the disk or mount that holds it.`,
        cause,
      });
  }
}

import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from '../cli-error';

/**
 * The largest input file read, in bytes. Pipelines, integrations and secrets files are a few
 * kilobytes; a bound keeps a huge or endless file (`/dev/zero`) from exhausting memory, and
 * parsing a megabyte of YAML already takes about a second.
 */
export const MAX_INPUT_FILE_BYTES = 1024 * 1024;

/** An input file's text and how to name it in messages. */
export interface InputFile {
  /** The path as the user gave it, used in `file:line:column` positions. */
  file: string;
  /** The file's UTF-8 text. */
  text: string;
}

/**
 * Reads a UTF-8 input file. A missing or unreadable file is a usage error (exit 2); a file over
 * {@link MAX_INPUT_FILE_BYTES} or not UTF-8 is a failure (exit 1). `role` names the file in
 * messages, for example `pipeline file`.
 */
export async function readInputFile(file: string, cwd: string, role: string): Promise<InputFile> {
  const absolute = resolve(cwd, file);
  const size = await fileSize(absolute, file, role);
  if (size > MAX_INPUT_FILE_BYTES) throw tooLarge(file, role);
  const handle = await open(absolute, 'r');
  try {
    // Read one byte more than allowed: the file may have grown since it was measured.
    const buffer = Buffer.alloc(MAX_INPUT_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_INPUT_FILE_BYTES) throw tooLarge(file, role);
    return { file, text: decodeUtf8(buffer.subarray(0, length), file, role) };
  } finally {
    await handle.close();
  }
}

async function fileSize(absolute: string, file: string, role: string): Promise<number> {
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) {
      throw new CliError('FILE_NOT_READABLE', `The ${role} ${file} is a directory; name a file.`);
    }
    return info.isFile() ? info.size : 0;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'ENOENT'
        ? `does not exist (looked for ${absolute})`
        : code === 'EACCES'
          ? 'cannot be read: permission denied'
          : `cannot be read (${String(code ?? 'unknown error')})`;
    throw new CliError('FILE_NOT_READABLE', `The ${role} ${file} ${reason}; check the path.`);
  }
}

function tooLarge(file: string, role: string): CliError {
  return new CliError(
    'FILE_TOO_LARGE',
    `The ${role} ${file} is larger than ${MAX_INPUT_FILE_BYTES / 1024 / 1024} MiB, the most fromsecret reads; a file this large is not a CI configuration.`,
  );
}

function decodeUtf8(bytes: Uint8Array, file: string, role: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError('INVALID_YAML', `The ${role} ${file} is not UTF-8 text; save it as UTF-8.`);
  }
}

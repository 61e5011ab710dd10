import { readFile } from 'node:fs/promises';
import { abortedError } from './aborted-error';
import { mapFileError } from './map-file-error';

/**
 * Reads the secrets file as text. The signal is passed to `readFile`, and the read is also
 * raced against it: an `open()` stuck on a hung network mount ignores the signal, and the
 * caller must still get `CANCELLED` at once.
 */
export async function readSecretsFile(file: string, signal: AbortSignal): Promise<string> {
  if (signal.aborted) throw abortedError(signal, file);
  const reading = readFile(file, { encoding: 'utf8', signal });
  let onAbort = (): void => {};
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(abortedError(signal, file));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  // The losing side must not become an unhandled rejection.
  reading.catch(() => {});
  try {
    return await Promise.race([reading, aborted]);
  } catch (error) {
    throw mapFileError(error, file, signal);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

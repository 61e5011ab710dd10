import type * as crypto from 'node:crypto';
import type * as fileSystem from 'node:fs/promises';

/**
 * What the conformance harness observes of the provider's I/O. A file store has no server to
 * count requests or to slow down, so the conformance test file mocks `node:fs/promises` and
 * `node:crypto` with {@link instrumentFileSystem} and {@link instrumentCrypto}: the real
 * functions run, and this probe counts reads of the files it watches, delays them, and
 * counts decryptions (the only step that produces secret material).
 */
class FileAccessProbe {
  private readonly watched = new Map<string, { reads: number; latencyMs: number }>();
  private decryptionCount = 0;

  watch(file: string): void {
    this.watched.set(file, { reads: 0, latencyMs: 0 });
  }

  unwatch(file: string): void {
    this.watched.delete(file);
  }

  /** Reads of `file` begun since it was watched. */
  reads(file: string): number {
    return this.watched.get(file)?.reads ?? 0;
  }

  setLatency(file: string, milliseconds: number): void {
    const entry = this.watched.get(file);
    if (entry !== undefined) entry.latencyMs = milliseconds;
  }

  /** Decryptions started by anyone since the process began; tests compare before and after. */
  decryptions(): number {
    return this.decryptionCount;
  }

  countDecryption(): void {
    this.decryptionCount += 1;
  }

  /**
   * Counts a read and waits out the latency. The wait ignores the read's signal on purpose,
   * like an `open()` stuck on a hung network mount: the provider must end the call itself.
   */
  async beforeRead(file: unknown): Promise<void> {
    const entry = typeof file === 'string' ? this.watched.get(file) : undefined;
    if (entry === undefined) return;
    entry.reads += 1;
    if (entry.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, entry.latencyMs).unref());
    }
  }
}

/** The one probe, shared by the mocked modules and the harness. */
export const fileAccessProbe = new FileAccessProbe();

/** `node:fs/promises` with `readFile` going through the probe first. */
export function instrumentFileSystem(original: typeof fileSystem): typeof fileSystem {
  const readFile = (async (...args: Parameters<typeof fileSystem.readFile>) => {
    await fileAccessProbe.beforeRead(args[0]);
    return original.readFile(...args);
  }) as typeof fileSystem.readFile;
  return { ...original, readFile };
}

/** `node:crypto` with `createDecipheriv` counted. */
export function instrumentCrypto(original: typeof crypto): typeof crypto {
  const createDecipheriv = ((...args: Parameters<typeof crypto.createDecipheriv>) => {
    fileAccessProbe.countDecryption();
    return original.createDecipheriv(...args);
  }) as typeof crypto.createDecipheriv;
  return { ...original, createDecipheriv };
}

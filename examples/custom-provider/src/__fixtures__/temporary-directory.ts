import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * A fresh temporary directory for the current test, removed after it. Call inside a test;
 * returns the absolute path of `name` in it.
 */
export async function temporaryPath(name: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'fromsecret-encrypted-file-test-'));
  created.push(directory);
  return join(directory, name);
}

const created: string[] = [];

afterEach(async () => {
  for (const directory of created.splice(0)) {
    await rm(directory, { recursive: true, force: true });
  }
});

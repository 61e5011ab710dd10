import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../cli-error';
import { MAX_INPUT_FILE_BYTES, readInputFile } from './read-input-file';

const directory = mkdtempSync(join(tmpdir(), 'fromsecret-read-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function failure(file: string): Promise<CliError> {
  const error = await readInputFile(file, directory, 'pipeline file').then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof CliError)) throw new Error('expected a CliError');
  return error;
}

describe('readInputFile', () => {
  it('reads a file relative to the working directory, naming it as given', async () => {
    writeFileSync(join(directory, 'ok.yml'), 'steps: []\n');
    expect(await readInputFile('ok.yml', directory, 'pipeline file')).toEqual({
      file: 'ok.yml',
      text: 'steps: []\n',
    });
  });

  it('treats a missing file or a directory as a usage error', async () => {
    const missing = await failure('missing.yml');
    expect([missing.code, missing.isUsage]).toEqual(['FILE_NOT_READABLE', true]);
    expect(missing.message).toContain('pipeline file missing.yml does not exist');
    expect((await failure('.')).message).toContain('is a directory');
  });

  it('refuses a file over the size limit without reading it whole', async () => {
    writeFileSync(join(directory, 'huge.yml'), Buffer.alloc(MAX_INPUT_FILE_BYTES + 1, 'a'));
    const error = await failure('huge.yml');
    expect([error.code, error.isUsage]).toEqual(['FILE_TOO_LARGE', false]);
    expect(error.message).toContain('larger than 1 MiB');
  });

  it('refuses text that is not UTF-8', async () => {
    writeFileSync(join(directory, 'latin1.yml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    expect((await failure('latin1.yml')).message).toContain('not UTF-8');
  });
});

import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { integrationKey } from './__fixtures__/canary-keys';
import { temporaryPath } from './__fixtures__/temporary-directory';
import { readFileKey } from './file-key';
import { createEncryptedFileProvider } from './provider';
import { runSealCommand, SEAL_KEY_VARIABLE } from './run-seal-command';

const environment = { [SEAL_KEY_VARIABLE]: integrationKey };

describe('fromsecret-seal', () => {
  it('prints a new key with --generate-key', () => {
    const result = runSealCommand(['--generate-key'], undefined, {});
    expect(result.status).toBe(0);
    expect(readFileKey(result.stdout.trimEnd()).key).toHaveLength(32);
  });

  it('seals standard input into a file the provider reads, versions oldest first', async () => {
    const input = JSON.stringify({
      'crow/app': { api_key: 'CANARY-VALUE-app-7f3a' },
      'crow/db': [{ password: 'old' }, { password: 'new' }],
    });
    const result = runSealCommand([], input, environment);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).not.toContain('CANARY-VALUE');
    const file = await temporaryPath('secrets.sealed.json');
    await writeFile(file, result.stdout);
    const provider = createEncryptedFileProvider({ file, key: integrationKey });
    const signal = new AbortController().signal;
    const app = await provider.read({ path: 'crow/app' }, { signal });
    expect(app.values).toEqual({ api_key: 'CANARY-VALUE-app-7f3a' });
    const old = await provider.read({ path: 'crow/db', version: 1 }, { signal });
    expect(old.values).toEqual({ password: 'old' });
  });

  it.each([
    ['no key', [], '{}', {}, 1, `set ${SEAL_KEY_VARIABLE}`],
    ['input that is not JSON', [], 'API_KEY=CANARY-VALUE-7f3a', environment, 1, 'not valid JSON'],
    ['a value that is not a map', [], '{"a": "CANARY-VALUE-7f3a"}', environment, 1, '"a" must be'],
    ['a malformed key', [], '{}', { [SEAL_KEY_VARIABLE]: 'CANARY-KEY-7f3a' }, 1, '32-byte key'],
    ['a terminal on standard input', [], undefined, environment, 2, 'Usage:'],
    ['an unknown flag', ['--key', 'x'], '{}', environment, 2, 'Usage:'],
  ])('fails for %s, quoting no input', (_case, args, input, env, status, message) => {
    const result = runSealCommand(args, input, env);
    expect(result.status).toBe(status);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('CANARY');
  });
});

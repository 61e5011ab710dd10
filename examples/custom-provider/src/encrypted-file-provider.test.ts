import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createProviderContext } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { integrationKey, otherTeamKey, wrongKey } from './__fixtures__/canary-keys';
import { errorTexts, expectSecretError } from './__fixtures__/expect-secret-error';
import { temporaryPath } from './__fixtures__/temporary-directory';
import { fileKeyId, readFileKey } from './file-key';
import { createEncryptedFileProvider, provider as definition } from './provider';
import { type SecretToSeal, sealSecretFile } from './seal-secret-file';
import type { SealedSecretsFile } from './sealed-secrets-file';

const live = () => ({ signal: new AbortController().signal });
const keyId = (key: string) => fileKeyId(readFileKey(key).key!);

const appSecret: SecretToSeal = {
  path: 'crow/myapp',
  versions: [
    { api_key: 'CANARY-VALUE-old-7f3a', user: 'ci' },
    { api_key: 'CANARY-VALUE-new-7f3a', user: 'ci' },
  ],
};
const otherTeamSecret: SecretToSeal = {
  path: 'crow/myapq',
  versions: [{ token: 'CANARY-VALUE-other-7f3a' }],
  sealedFor: otherTeamKey,
};

async function sealedFile(secrets: readonly SecretToSeal[] = [appSecret, otherTeamSecret]) {
  const file = await temporaryPath('secrets.sealed.json');
  await writeFile(file, sealSecretFile({ keys: [integrationKey, otherTeamKey], secrets }));
  return file;
}

describe('the encrypted_file provider', () => {
  it('reads every key at a path, the latest or a pinned version', async () => {
    const provider = createEncryptedFileProvider({ file: await sealedFile(), key: integrationKey });
    await expect(provider.read({ path: 'crow/myapp' }, live())).resolves.toEqual({
      values: { api_key: 'CANARY-VALUE-new-7f3a', user: 'ci' },
      version: '2',
    });
    const first = await provider.read({ path: 'crow/myapp', version: 1 }, live());
    expect(first).toEqual({
      values: { api_key: 'CANARY-VALUE-old-7f3a', user: 'ci' },
      version: '1',
    });
  });

  it('refuses a version string while planning and when reading', async () => {
    const provider = createEncryptedFileProvider({ file: await sealedFile(), key: integrationKey });
    const reference = { path: 'crow/myapp', key: 'api_key', version: 'a1b2c3' };
    const planned = await expectSecretError(
      () => provider.validateReference?.(reference),
      'INVALID_REFERENCE',
    );
    expect(planned.message).toContain('numbers versions 1, 2, 3');
    await expectSecretError(
      () => provider.read({ path: 'crow/myapp', version: '2' }, live()),
      'INVALID_REFERENCE',
    );
    expect(() => provider.validateReference?.({ ...reference, version: 2 })).not.toThrow();
  });

  it('reads the file afresh on every call, so a resealed file is seen at once', async () => {
    const file = await sealedFile();
    const provider = createEncryptedFileProvider({ file, key: integrationKey });
    await provider.read({ path: 'crow/myapp' }, live());
    const rotated = { ...appSecret, versions: [...appSecret.versions, { api_key: 'rotated' }] };
    await writeFile(file, sealSecretFile({ keys: [integrationKey], secrets: [rotated] }));
    const data = await provider.read({ path: 'crow/myapp' }, live());
    expect(data).toEqual({ values: { api_key: 'rotated' }, version: '3' });
  });

  it('suggests a near path only among the secrets sealed for its key', async () => {
    const provider = createEncryptedFileProvider({ file: await sealedFile(), key: integrationKey });
    const missing = await expectSecretError(
      () => provider.read({ path: 'crow/myap' }, live()),
      'SECRET_NOT_FOUND',
    );
    expect(missing.message).toContain('Did you mean "crow/myapp"?');
    expect(missing.message).not.toContain('crow/myapq');
  });

  it('names key ids, never keys, when the file is not sealed for the key', async () => {
    const file = await sealedFile();
    const error = await expectSecretError(
      () => createEncryptedFileProvider({ file, key: wrongKey }).testConnection(live()),
      'AUTHENTICATION_FAILED',
    );
    expect(error.message).toContain(`key id ${keyId(wrongKey)}`);
    expect(error.message).toContain(`${keyId(integrationKey)}, ${keyId(otherTeamKey)}`);
    for (const key of [wrongKey, integrationKey, otherTeamKey]) {
      expect(errorTexts(error)).not.toContain(key);
    }
  });

  it('refuses a config that bypassed parseConfig with a malformed key', () => {
    const bad = { file: '/secrets.json', key: 'CANARY-short-7f3a' };
    expect(() => definition.create(bad, createProviderContext())).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
  });

  it('fails every call with CANCELLED once closed, and closes twice without error', async () => {
    const provider = createEncryptedFileProvider({ file: await sealedFile(), key: integrationKey });
    await provider.close();
    await provider.close();
    const error = await expectSecretError(
      () => provider.read({ path: 'crow/myapp' }, live()),
      'CANCELLED',
    );
    expect(error.message).toContain('was closed; create a new one');
  });
});

describe('a damaged secrets file', () => {
  async function tamper(change: (sealed: SealedSecretsFile) => void): Promise<string> {
    const file = await sealedFile();
    const sealed = JSON.parse(await readFile(file, 'utf8')) as SealedSecretsFile;
    change(sealed);
    await writeFile(file, JSON.stringify(sealed));
    return file;
  }

  it('fails with PROVIDER_ERROR for a changed ciphertext, naming path and version', async () => {
    const file = await tamper((sealed) => {
      const version = sealed.secrets['crow/myapp']!.versions[1]!;
      const data = Buffer.from(version.data, 'base64');
      data[0]! ^= 1;
      version.data = data.toString('base64');
    });
    const error = await expectSecretError(
      () =>
        createEncryptedFileProvider({ file, key: integrationKey }).read(
          { path: 'crow/myapp' },
          live(),
        ),
      'PROVIDER_ERROR',
    );
    expect(error.message).toContain('Version 2 of "crow/myapp"');
    expect(error.message).toContain('authentication tag does not match');
    expect(errorTexts(error)).not.toContain('CANARY-VALUE');
  });

  it('does not open a version copied to another path or version', async () => {
    const file = await tamper((sealed) => {
      const app = sealed.secrets['crow/myapp']!;
      sealed.secrets['crow/copy'] = { sealedFor: app.sealedFor, versions: [app.versions[1]!] };
      app.versions = [app.versions[1]!, app.versions[1]!];
    });
    const provider = createEncryptedFileProvider({ file, key: integrationKey });
    await expectSecretError(() => provider.read({ path: 'crow/copy' }, live()), 'PROVIDER_ERROR');
    await expectSecretError(
      () => provider.read({ path: 'crow/myapp', version: 1 }, live()),
      'PROVIDER_ERROR',
    );
    await expect(provider.read({ path: 'crow/myapp', version: 2 }, live())).resolves.toBeDefined();
  });

  it.each([
    ['not JSON', 'API_KEY=CANARY-VALUE-dotenv-7f3a\n', 'it is not valid JSON'],
    ['plaintext JSON', '{"API_KEY": "CANARY-VALUE-plain-7f3a"}', '"format" is not'],
    ['a list', '["CANARY-VALUE-list-7f3a"]', 'it is not a JSON object'],
  ])('fails with PROVIDER_ERROR for %s, without quoting it', async (_kind, text, problem) => {
    const file = await temporaryPath('secrets.env');
    await writeFile(file, text);
    const error = await expectSecretError(
      () => createEncryptedFileProvider({ file, key: integrationKey }).testConnection(live()),
      'PROVIDER_ERROR',
    );
    expect(error.message).toContain(problem);
    expect(error.message).toContain('npx fromsecret-seal');
    expect(errorTexts(error)).not.toContain('CANARY-VALUE');
  });

  it('fails with UNREACHABLE for a missing file and INVALID_CONFIG for a directory', async () => {
    const missing = await temporaryPath('absent/secrets.json');
    const absent = await expectSecretError(
      () =>
        createEncryptedFileProvider({ file: missing, key: integrationKey }).testConnection(live()),
      'UNREACHABLE',
    );
    expect(absent.message).toContain(`${missing} does not exist`);
    const directory = dirname(missing);
    await mkdir(directory);
    await expectSecretError(
      () =>
        createEncryptedFileProvider({ file: directory, key: integrationKey }).testConnection(
          live(),
        ),
      'INVALID_CONFIG',
    );
  });
});

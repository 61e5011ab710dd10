import { describe, expect, it } from 'vitest';
import { integrationKey, otherTeamKey, wrongKey } from './__fixtures__/canary-keys';
import { errorTexts, expectSecretError } from './__fixtures__/expect-secret-error';
import { fileKeyId, readFileKey } from './file-key';
import { sealSecretFile } from './seal-secret-file';
import { parseSealedSecretsFile, SEALED_SECRETS_FORMAT } from './sealed-secrets-file';

const hexKey = Buffer.alloc(32, 9).toString('hex');

describe('sealSecretFile', () => {
  it('writes paths and key ids in clear and every value sealed', () => {
    const text = sealSecretFile({
      keys: [integrationKey, hexKey],
      secrets: [
        { path: 'crow/app', versions: [{ api_key: 'CANARY-VALUE-sealed-7f3a' }] },
        { path: 'crow/db', versions: [{ password: 'a' }, { password: 'b' }], sealedFor: hexKey },
      ],
    });
    const sealed = parseSealedSecretsFile(text, 'in memory');
    const hexId = fileKeyId(Buffer.from(hexKey, 'hex'));
    expect(sealed.format).toBe(SEALED_SECRETS_FORMAT);
    expect(sealed.keys).toEqual([fileKeyId(readFileKey(integrationKey).key!), hexId]);
    expect(sealed.secrets['crow/db']?.sealedFor).toBe(hexId);
    expect(sealed.secrets['crow/db']?.versions).toHaveLength(2);
    expect(text).not.toContain('CANARY-VALUE');
    expect(text).not.toContain(integrationKey);
  });

  it('uses a fresh nonce for every version, so equal values do not look equal', () => {
    const text = sealSecretFile({
      keys: [integrationKey],
      secrets: [{ path: 'same', versions: [{ value: 'x' }, { value: 'x' }] }],
    });
    const [first, second] = parseSealedSecretsFile(text, 'in memory').secrets.same!.versions;
    expect(first!.iv).not.toBe(second!.iv);
    expect(first!.data).not.toBe(second!.data);
  });

  it('reports every problem at once in INVALID_CONFIG, quoting no key or value', async () => {
    const error = await expectSecretError(
      () =>
        sealSecretFile({
          keys: [integrationKey, 'CANARY-NOT-A-KEY-7f3a'],
          secrets: [
            { path: 'crow/../sys', versions: [{ value: 'CANARY-VALUE-1-7f3a' }] },
            { path: 'empty', versions: [] },
            { path: 'numbers', versions: [{ port: 5432 as unknown as string }] },
            { path: 'stranger', versions: [{ value: 'x' }], sealedFor: wrongKey },
            { path: 'twice', versions: [{ value: 'x' }] },
            { path: 'twice', versions: [{ value: 'y' }] },
          ],
        }),
      'INVALID_CONFIG',
    );
    expect(error.issues).toEqual([
      'keys[1] must be a 32-byte key written as base64 (44 characters) or hex (64 characters); generate one with `npx fromsecret-seal --generate-key`',
      expect.stringContaining('secrets[0] has a path no from_secret reference can name'),
      'secrets[1] ("empty") has no versions',
      'secrets[2] ("numbers") has a value that is not text',
      'secrets[3] ("stranger") is sealed for a key that is not in keys',
      'secrets[5] repeats the path "twice"',
    ]);
    const texts = errorTexts(error);
    for (const secret of ['CANARY-NOT-A-KEY-7f3a', 'CANARY-VALUE-1-7f3a', wrongKey, otherTeamKey]) {
      expect(texts).not.toContain(secret);
    }
  });

  it('needs at least one key', async () => {
    const error = await expectSecretError(
      () => sealSecretFile({ keys: [], secrets: [] }),
      'INVALID_CONFIG',
    );
    expect(error.issues).toEqual(['keys must list at least one key']);
  });
});

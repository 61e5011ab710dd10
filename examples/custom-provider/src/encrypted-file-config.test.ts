import { SecretError } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { integrationKey } from './__fixtures__/canary-keys';
import { parseEncryptedFileConfig } from './encrypted-file-config';

function configError(input: unknown): SecretError {
  try {
    parseEncryptedFileConfig(input);
  } catch (error) {
    if (SecretError.isInstance(error)) return error;
    throw error;
  }
  return expect.fail('parseEncryptedFileConfig accepted the input');
}

describe('parseEncryptedFileConfig', () => {
  it('returns the file and the key as given', () => {
    expect(parseEncryptedFileConfig({ file: '/etc/ci/secrets.json', key: integrationKey })).toEqual(
      { file: '/etc/ci/secrets.json', key: integrationKey },
    );
  });

  it('reports a relative path, a malformed key and an unknown setting at once', () => {
    const key = 'CANARY-NOT-A-KEY-7f3a';
    const error = configError({ file: 'secrets.json', key, kye: 'x' });
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.issues).toEqual([
      'unknown setting "kye"; did you mean "key"?',
      '"file" must be an absolute path: a relative one would depend on the directory the CI server was started in',
      expect.stringMatching(/^"key" must be a 32-byte key .* --generate-key`$/),
    ]);
    expect(JSON.stringify(error.toJSON())).not.toContain(key);
  });

  it('reports both missing settings', () => {
    const issues = configError({}).issues ?? [];
    expect(issues.some((issue) => issue.startsWith('"file" is required'))).toBe(true);
    expect(issues.some((issue) => issue.startsWith('"key" is required'))).toBe(true);
  });
});

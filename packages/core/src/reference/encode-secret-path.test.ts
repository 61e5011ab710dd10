import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { encodeSecretPath } from './encode-secret-path';

describe('encodeSecretPath', () => {
  it.each([
    ['crow/myapp', 'crow/myapp'],
    ['crow/my app', 'crow/my%20app'],
    ['team+a/app=b;c', 'team%2Ba/app%3Db%3Bc'],
    ['ключ/秘密', '%D0%BA%D0%BB%D1%8E%D1%87/%E7%A7%98%E5%AF%86'],
    ['..a/b..', '..a/b..'],
  ])('encodes each segment of %j', (path, encoded) => {
    expect(encodeSecretPath(path)).toBe(encoded);
  });

  it.each([
    'crow/../../sys/policy',
    '%2e%2e/sys/policy',
    '/sys/policy',
    'crow//app',
    'crow/app?x',
    'crow\\..',
    '',
  ])('refuses %j, so that no path reaches another API', (path) => {
    try {
      encodeSecretPath(path);
      expect.unreachable('encodeSecretPath accepted an unsafe path');
    } catch (error) {
      expect(SecretError.isInstance(error)).toBe(true);
      expect((error as SecretError).code).toBe('INVALID_REFERENCE');
    }
  });

  it('refuses a lone surrogate with a SecretError rather than a URIError', () => {
    expect(() => encodeSecretPath('crow/\uD800')).toThrow(/lone surrogate/);
  });

  it('refuses a path that is not text', () => {
    expect(() => encodeSecretPath(3 as unknown as string)).toThrow(/path must be text/);
  });
});

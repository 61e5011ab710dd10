import { SecretError } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { toKeyVaultAddress, validateAzureKeyVaultReference } from './azure-key-vault-reference';

const versionId = '0d1c2e673df10926420c3856bb9187f2';

function rejection(call: () => unknown): SecretError {
  try {
    call();
  } catch (error) {
    if (SecretError.isInstance(error)) return error;
    throw error;
  }
  return expect.fail('the reference was accepted');
}

describe('validateAzureKeyVaultReference', () => {
  it('accepts a secret name with key "value", latest or a version id', () => {
    for (const version of [undefined, 0, versionId, versionId.toUpperCase()]) {
      expect(() =>
        validateAzureKeyVaultReference({ path: 'crow-api-Key-1', key: 'value', version }),
      ).not.toThrow();
    }
    expect(() =>
      validateAzureKeyVaultReference({ path: 'a'.repeat(127), key: 'value' }),
    ).not.toThrow();
  });

  it('explains that Key Vault secrets are single-valued when the key is not "value"', () => {
    const error = rejection(() =>
      validateAzureKeyVaultReference({ path: 'crow-api', key: 'password' }),
    );
    expect(error.code).toBe('INVALID_REFERENCE');
    expect(error.message).toMatch(/single-valued, so the key must be "value"/);
  });

  it('rejects names Key Vault cannot hold, suggesting one it can', () => {
    const folders = rejection(() =>
      validateAzureKeyVaultReference({ path: 'crow/api_key', key: 'value' }),
    );
    expect(folders.code).toBe('INVALID_REFERENCE');
    expect(folders.message).toMatch(/no folders; rename it, for example "crow-api-key"/);
    const long = rejection(() =>
      validateAzureKeyVaultReference({ path: 'a'.repeat(128), key: 'value' }),
    );
    expect(long.message).toMatch(/this one has 128/);
  });

  it('rejects integer versions other than 0 and strings that are not version ids', () => {
    expect(rejection(() => toKeyVaultAddress('crow-api', 3)).message).toMatch(/ids, not numbers/);
    for (const version of ['latest', '3', `${versionId}0`, 'zz1c2e673df10926420c3856bb9187f2']) {
      const error = rejection(() => toKeyVaultAddress('crow-api', version));
      expect(error.code).toBe('INVALID_REFERENCE');
      expect(error.message).toMatch(/not a Key Vault version id/);
    }
  });

  it('addresses the latest for 0 or no version, and a version id in lower case', () => {
    expect(toKeyVaultAddress('crow-api')).toEqual({ name: 'crow-api' });
    expect(toKeyVaultAddress('crow-api', 0)).toEqual({ name: 'crow-api' });
    expect(toKeyVaultAddress('crow-api', versionId.toUpperCase())).toEqual({
      name: 'crow-api',
      version: versionId,
    });
  });
});

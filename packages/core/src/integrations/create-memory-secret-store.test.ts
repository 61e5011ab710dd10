import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from './create-memory-secret-store';

describe('createMemorySecretStore', () => {
  it('returns a value by its exact name', async () => {
    const store = createMemorySecretStore({ my_token: 'CANARY-INTERNAL-1b2c' });
    await expect(store.get('my_token', {})).resolves.toBe('CANARY-INTERNAL-1b2c');
  });

  it('throws SECRET_NOT_FOUND with the nearest name and no value', async () => {
    const store = createMemorySecretStore({ my_token: 'CANARY-INTERNAL-1b2c' });
    const error = (await store.get('my_tokn', {}).catch((caught: Error) => caught)) as Error;
    expect(error).toMatchObject({ code: 'SECRET_NOT_FOUND' });
    expect(error.message).toContain('No internal secret named "my_tokn"');
    expect(error.message).toContain('did you mean "my_token"?');
    expect(error.message).not.toContain('CANARY');
  });

  it('is not fooled by names of Object.prototype members', async () => {
    const store = createMemorySecretStore({});
    for (const name of ['constructor', '__proto__', 'toString']) {
      await expect(store.get(name, {})).rejects.toMatchObject({ code: 'SECRET_NOT_FOUND' });
    }
  });

  it('rejects values that are not strings, naming the secret only', () => {
    expect(() =>
      createMemorySecretStore({ port: 5432 as unknown as string, ' spaced': 'x' }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_CONFIG',
        issues: [
          'secret "port" must be a string',
          'secret name " spaced" must be non-empty, without surrounding spaces',
        ],
      }),
    );
  });
});

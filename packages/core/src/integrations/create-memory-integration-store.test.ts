import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { createMemoryIntegrationStore } from './create-memory-integration-store';
import type { Integration } from './integration';

const vault: Integration = {
  id: 1,
  name: 'Vault-Prod',
  type: 'vault',
  config: { address: 'https://vault.example.com', secretId: 'CANARY-SECRET-ID-7f3a' },
  allow: { users: [], orgs: ['acme'], repos: [] },
};

function thrown(action: () => unknown): SecretError {
  try {
    action();
  } catch (error) {
    if (SecretError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('createMemoryIntegrationStore', () => {
  it('finds an integration by id and by name without regard to case', async () => {
    const store = createMemoryIntegrationStore([vault]);
    await expect(store.get(1)).resolves.toMatchObject({ name: 'Vault-Prod' });
    await expect(store.get('vault-prod')).resolves.toMatchObject({ id: 1 });
    await expect(store.get('VAULT-PROD')).resolves.toMatchObject({ id: 1 });
    await expect(store.list()).resolves.toHaveLength(1);
  });

  it('treats "1" as a name, not an id', async () => {
    const store = createMemoryIntegrationStore([vault]);
    await expect(store.get('1')).rejects.toMatchObject({ code: 'INTEGRATION_NOT_FOUND' });
  });

  it('throws INTEGRATION_NOT_FOUND naming what was asked, without listing what exists', async () => {
    const store = createMemoryIntegrationStore([vault]);
    const byName = await store.get('vault-prd').catch((error: SecretError) => error);
    expect(byName).toMatchObject({
      code: 'INTEGRATION_NOT_FOUND',
      integration: { name: 'vault-prd' },
    });
    expect((byName as SecretError).message).toContain('No integration named "vault-prd"');
    expect((byName as SecretError).message).toContain('create the integration');
    expect((byName as SecretError).message).not.toContain('Vault-Prod');
    const byId = (await store.get(0).catch((error: SecretError) => error)) as SecretError;
    expect(byId.message).toContain(
      'No integration with id 0 exists (ids are positive whole numbers)',
    );
  });

  it('reports every problem of every integration at once', () => {
    const error = thrown(() =>
      createMemoryIntegrationStore([
        vault,
        { ...vault, id: 1, name: 'vault-PROD' },
        {
          id: -2,
          name: 'has space',
          type: 'Vault',
          config: {},
          allow: { users: ['*'], orgs: 'acme', repos: ['acme'], forks: 'yes' },
        } as unknown as Integration,
        { ...vault, id: 4, name: 'x'.repeat(65) },
      ]),
    );
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.issues).toEqual([
      'integration #2 ("vault-PROD"): id 1 is already used by integration #1',
      'integration #2 ("vault-PROD"): name "vault-PROD" is already used by integration #1 (names are compared without regard to case)',
      'integration #3 ("has space"): id must be a positive whole number',
      'integration #3 ("has space"): name must be 1-64 of the characters A-Z a-z 0-9 . _ -',
      'integration #3 ("has space"): type must be a provider type such as vault (a lower-case letter, then lower-case letters, digits or _)',
      'integration #3 ("has space"): allow.users[0] must be a user name, without spaces, "*" or control characters (wildcards are not supported)',
      'integration #3 ("has space"): allow.orgs must be a list (use [] to admit nobody by orgs)',
      'integration #3 ("has space"): allow.repos[0] must be exactly owner/name, without spaces, "*" or control characters (wildcards are not supported)',
      'integration #3 ("has space"): allow.forks must be true or false',
      'integration #4: name must be 1-64 of the characters A-Z a-z 0-9 . _ -',
    ]);
    expect(error.message).not.toContain('CANARY-SECRET-ID');
  });

  it('accepts names of exactly 1 and 64 characters', () => {
    expect(() =>
      createMemoryIntegrationStore([
        { ...vault, id: 1, name: 'a' },
        { ...vault, id: 2, name: 'b'.repeat(64) },
      ]),
    ).not.toThrow();
  });

  it('rejects a missing allowlist instead of guessing one', () => {
    const error = thrown(() =>
      createMemoryIntegrationStore([{ ...vault, allow: undefined } as unknown as Integration]),
    );
    expect(error.issues).toEqual([
      'integration #1 ("Vault-Prod"): allow must be an object { users: [], orgs: [], repos: [] } (empty lists admit nobody)',
    ]);
  });

  it('keeps a frozen copy: later changes to the input cannot bypass the checks', async () => {
    const input = structuredClone(vault);
    const store = createMemoryIntegrationStore([input]);
    input.name = 'renamed';
    (input.allow.users as string[]).push('mallory');
    const stored = await store.get(1);
    expect(stored.name).toBe('Vault-Prod');
    expect(stored.allow.users).toEqual([]);
    expect(Object.isFrozen(stored.allow.users)).toBe(true);
    expect(Object.isFrozen(stored.config)).toBe(true);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { SecretError } from '../errors/secret-error';
import type { ProviderDefinition } from '../spec/v1/provider-definition';
import { BUILT_IN_PROVIDER_PACKAGES } from './built-in-provider-packages';
import { createProviderRegistry } from './create-provider-registry';

function definition(type: string, overrides: Record<string, unknown> = {}): ProviderDefinition {
  return {
    specificationVersion: 'v1',
    type,
    displayName: `Fake ${type}`,
    fields: [{ name: 'token', label: 'Token', required: true, secret: true, kind: 'string' }],
    parseConfig: (input: unknown) => input,
    create: () => {
      throw new Error('not used by registry tests');
    },
    ...overrides,
  } as ProviderDefinition;
}

function notFound(name: string, from = '/srv/ci/node_modules/@fromsecret/core/dist/index.js') {
  return Object.assign(new Error(`Cannot find package '${name}' imported from ${from}`), {
    code: 'ERR_MODULE_NOT_FOUND',
  });
}

async function failure(promise: Promise<unknown>): Promise<SecretError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!SecretError.isInstance(error)) throw new Error(`expected a SecretError, got ${error}`);
  return error;
}

describe('createProviderRegistry', () => {
  it('maps the three built-in types to their packages', () => {
    expect(BUILT_IN_PROVIDER_PACKAGES).toEqual({
      vault: '@fromsecret/vault',
      azure_key_vault: '@fromsecret/azure-key-vault',
      infisical: '@fromsecret/infisical',
    });
    expect(Object.isFrozen(BUILT_IN_PROVIDER_PACKAGES)).toBe(true);
  });

  it('returns a registered definition without importing anything', async () => {
    const importModule = vi.fn();
    const custom = definition('custom_store');
    const registry = createProviderRegistry({ providers: [custom], importModule });
    await expect(registry.load('custom_store')).resolves.toBe(custom);
    expect(registry.has('custom_store')).toBe(true);
    expect(importModule).not.toHaveBeenCalled();
  });

  it('lists registered, built-in and mapped types, sorted', () => {
    const registry = createProviderRegistry({ packages: { acme: '@acme/fromsecret' } });
    registry.register(definition('beta'));
    expect(registry.types()).toEqual(['acme', 'azure_key_vault', 'beta', 'infisical', 'vault']);
    expect(registry.has('vault')).toBe(true);
    expect(registry.has('nothing')).toBe(false);
  });

  it('imports a built-in package lazily, once, even for concurrent loads', async () => {
    const vault = definition('vault');
    const importModule = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { provider: vault };
    });
    const registry = createProviderRegistry({ importModule });
    expect(importModule).not.toHaveBeenCalled();
    const loaded = await Promise.all([registry.load('vault'), registry.load('vault')]);
    await registry.load('vault');
    expect(loaded).toEqual([vault, vault]);
    expect(importModule).toHaveBeenCalledTimes(1);
    expect(importModule).toHaveBeenCalledWith('@fromsecret/vault');
  });

  it('imports the packages option, then the conventional name', async () => {
    const imported: string[] = [];
    const registry = createProviderRegistry({
      packages: { acme: '@acme/fromsecret-provider' },
      importModule: async (specifier) => {
        imported.push(specifier);
        return {
          provider: definition(specifier === '@acme/fromsecret-provider' ? 'acme' : 'env_file'),
        };
      },
    });
    await registry.load('acme');
    await registry.load('env_file');
    expect(imported).toEqual(['@acme/fromsecret-provider', 'fromsecret-provider-env-file']);
    expect(registry.has('env_file')).toBe(true);
  });

  it('accepts `provider` on the default export of a CommonJS module', async () => {
    const infisical = definition('infisical');
    const registry = createProviderRegistry({
      importModule: async () => ({ default: { provider: infisical } }),
    });
    await expect(registry.load('infisical')).resolves.toBe(infisical);
  });
});

describe('registry failures', () => {
  it('PROVIDER_NOT_INSTALLED gives the install command for a built-in type', async () => {
    const registry = createProviderRegistry({
      importModule: async (specifier) => {
        throw notFound(specifier);
      },
    });
    const error = await failure(registry.load('azure_key_vault'));
    expect(error.code).toBe('PROVIDER_NOT_INSTALLED');
    expect(error.message).toContain('npm install @fromsecret/azure-key-vault');
    expect(error.message).toContain('pnpm add @fromsecret/azure-key-vault');
  });

  it('PROVIDER_NOT_INSTALLED for a mapped package, from a CommonJS-style failure too', async () => {
    const registry = createProviderRegistry({
      packages: { acme: '@acme/fromsecret-provider/store' },
      importModule: async () => {
        throw Object.assign(new Error("Cannot find module '@acme/fromsecret-provider/store'"), {
          code: 'MODULE_NOT_FOUND',
        });
      },
    });
    const error = await failure(registry.load('acme'));
    expect(error.code).toBe('PROVIDER_NOT_INSTALLED');
    expect(error.message).toContain('npm install @acme/fromsecret-provider/store');
  });

  it('reports an installed package whose own dependency is missing as INVALID_PROVIDER', async () => {
    const registry = createProviderRegistry({
      importModule: async () => {
        throw notFound('node-vault', '/srv/ci/node_modules/@fromsecret/vault/dist/index.js');
      },
    });
    const error = await failure(registry.load('vault'));
    expect(error.code).toBe('INVALID_PROVIDER');
    expect(error.message).toContain('"@fromsecret/vault"');
    expect(error.message).toContain('installed but failed to load');
    expect(error.message).toContain("'node-vault'");
    expect(error.message).not.toContain('npm install');
  });

  it('wraps a module that throws while loading, with a sanitized cause', async () => {
    const thrown = Object.assign(
      new TypeError('boot failed: Authorization: Bearer CANARY-TOKEN-7f3a9'),
      {
        config: { headers: { 'X-Vault-Token': 'CANARY-TOKEN-7f3a9' } },
      },
    );
    const registry = createProviderRegistry({
      importModule: async () => {
        throw thrown;
      },
    });
    const error = await failure(registry.load('vault'));
    expect(error.code).toBe('INVALID_PROVIDER');
    expect(error.cause).not.toBe(thrown);
    expect(error.cause).toBeInstanceOf(Error);
    expect(JSON.stringify(error.toJSON())).not.toContain('CANARY-TOKEN');
    expect(error.message).not.toContain('CANARY-TOKEN');
    expect(String(error.cause)).not.toContain('CANARY-TOKEN');
    expect(Object.keys(error.cause as object)).not.toContain('config');
  });

  it('UNKNOWN_PROVIDER_TYPE lists the known types and suggests the nearest', async () => {
    const registry = createProviderRegistry({
      importModule: async (specifier) => {
        throw notFound(specifier);
      },
    });
    const error = await failure(registry.load('vaultt'));
    expect(error.code).toBe('UNKNOWN_PROVIDER_TYPE');
    expect(error.message).toContain('Did you mean "vault"?');
    expect(error.message).toContain('Known types: azure_key_vault, infisical, vault');
    expect(error.message).toContain('fromsecret-provider-vaultt');
  });

  it('never imports a malformed type: it could name any module', async () => {
    const importModule = vi.fn();
    const registry = createProviderRegistry({ importModule });
    for (const type of ['Vault', '../../etc/passwd', 'node:fs', '', '__proto__']) {
      const error = await failure(registry.load(type));
      expect(error.code).toBe('UNKNOWN_PROVIDER_TYPE');
    }
    expect(importModule).not.toHaveBeenCalled();
    expect((await failure(registry.load('Vault'))).message).toContain('Did you mean "vault"?');
  });

  it('names the module and the missing members of a malformed definition', async () => {
    const registry = createProviderRegistry({
      importModule: async () => ({
        provider: { specificationVersion: 'v1', type: 'vault', displayName: 'V', fields: [] },
      }),
    });
    const error = await failure(registry.load('vault'));
    expect(error.code).toBe('INVALID_PROVIDER');
    expect(error.message).toContain('The module "@fromsecret/vault"');
    expect(error.message).toContain('"provider.parseConfig" (a function) is missing');
    expect(error.message).toContain('"provider.create" (a function) is missing');
  });

  it('names the module when it has no provider export at all', async () => {
    const registry = createProviderRegistry({ importModule: async () => ({ other: 1 }) });
    const error = await failure(registry.load('infisical'));
    expect(error.code).toBe('INVALID_PROVIDER');
    expect(error.message).toContain('The module "@fromsecret/infisical"');
    expect(error.message).toContain('its export "provider" is missing');
  });

  it('rejects an unsupported specificationVersion', async () => {
    const registry = createProviderRegistry({
      importModule: async () => ({ provider: { specificationVersion: 'v2', type: 'vault' } }),
    });
    const error = await failure(registry.load('vault'));
    expect(error.code).toBe('INVALID_PROVIDER');
    expect(error.message).toContain('contract "v2"');
    expect(error.message).toContain('supports "v1" only');
  });

  it('rejects a definition whose type is not the type asked for', async () => {
    const registry = createProviderRegistry({
      importModule: async () => ({ provider: definition('vaults') }),
    });
    const error = await failure(registry.load('vault'));
    expect(error.code).toBe('INVALID_PROVIDER');
    expect(error.message).toContain('provides type "vaults", but was loaded for type "vault"');
  });

  it('rejects fields without a secret flag: redaction depends on it', async () => {
    const registry = createProviderRegistry({
      importModule: async () => ({
        provider: definition('vault', { fields: [{ name: 'secretId', label: 'Secret ID' }] }),
      }),
    });
    const error = await failure(registry.load('vault'));
    expect(error.message).toContain('"provider.fields[0].secret" is not true or false');
  });

  it('forgets a failed load, so installing the package later fixes a running server', async () => {
    let installed = false;
    const registry = createProviderRegistry({
      importModule: async (specifier) => {
        if (!installed) throw notFound(specifier);
        return { provider: definition('vault') };
      },
    });
    expect((await failure(registry.load('vault'))).code).toBe('PROVIDER_NOT_INSTALLED');
    installed = true;
    await expect(registry.load('vault')).resolves.toMatchObject({ type: 'vault' });
  });

  it('finds a missing conventional package through the real import()', async () => {
    const registry = createProviderRegistry();
    const error = await failure(registry.load('no_such_store_9f2c'));
    expect(error.code).toBe('UNKNOWN_PROVIDER_TYPE');
    expect(error.message).toContain('fromsecret-provider-no-such-store-9f2c');
  });
});

describe('register', () => {
  it('ignores the same definition twice and rejects a second one for a type', () => {
    const registry = createProviderRegistry();
    const first = definition('custom');
    registry.register(first);
    registry.register(first);
    expect(() => registry.register(definition('custom'))).toThrow(/already registered/);
  });

  it('rejects a malformed definition with every missing member', () => {
    const registry = createProviderRegistry();
    const broken = { specificationVersion: 'v1', type: 'custom' } as unknown as ProviderDefinition;
    const error = (() => {
      try {
        registry.register(broken);
      } catch (caught) {
        return caught as SecretError;
      }
      throw new Error('register accepted a malformed definition');
    })();
    expect(error.code).toBe('INVALID_PROVIDER');
    expect(error.message).toContain('passed to register()');
    for (const member of ['displayName', 'fields', 'parseConfig', 'create']) {
      expect(error.message).toContain(`"${member}"`);
    }
  });

  it('rejects a type that is not an identifier', () => {
    const registry = createProviderRegistry();
    expect(() => registry.register(definition('Custom-Store'))).toThrow(/not a valid type/);
  });
});

describe('packages option', () => {
  it('reports every bad entry at once, including a dead built-in remapping', () => {
    expect(() =>
      createProviderRegistry({ packages: { vault: '@me/vault', 'Bad-Type': 'x', ok: ' ' } }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_PROVIDER',
        message: expect.stringMatching(
          /"vault" is built in.*"Bad-Type" is not a provider type.*"ok" must map/,
        ),
      }),
    );
  });
});

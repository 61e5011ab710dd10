import { SecretError } from '@fromsecret/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryProvider } from './memory-provider';
import { createMemoryStore, type MemoryStore } from './memory-store';

const token = 'CANARY-STORE-TOKEN-7f3a';
const signal = () => new AbortController().signal;
const opened: MemoryStore[] = [];

function openStore(name: string, secrets = [{ path: 'app/db', versions: [{ password: 'one' }] }]) {
  const store = createMemoryStore(name, { token, secrets });
  opened.push(store);
  return store;
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

function caught(action: () => unknown): SecretError {
  try {
    action();
  } catch (error) {
    if (SecretError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a SecretError');
}

describe('createMemoryStore', () => {
  it('reports every problem with its options in one INVALID_CONFIG', () => {
    const error = caught(() =>
      createMemoryStore('', {
        token: '',
        latencyMs: -1,
        secrets: [
          { path: 'a', versions: [{ key: 'value' }] },
          { path: 'a', versions: [] },
          { path: '', versions: [{ key: 42 as unknown as string }] },
        ],
      }),
    );
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.issues).toEqual([
      'name must be a non-empty string',
      'token must be a non-empty string',
      'latencyMs must be 0 or more',
      'secrets[1].path "a" is seeded twice; give each path once',
      'secrets[1].versions must list at least one version',
      'secrets[2].path must be a non-empty string',
      'secrets[2].versions[0] must map at least one key to a string',
    ]);
  });

  it('refuses a name a live store holds, and frees it on close', () => {
    const store = openStore('store-name-taken');
    expect(caught(() => createMemoryStore('store-name-taken', { token })).code).toBe(
      'INVALID_CONFIG',
    );
    store.close();
    store.close();
    expect(openStore('store-name-taken').name).toBe('store-name-taken');
  });

  it('logs every request with its outcome, and no token or value', async () => {
    const store = openStore('store-request-log');
    const provider = createMemoryProvider({ store: store.name, token });
    await provider.testConnection({ signal: signal() });
    await provider.read({ path: 'app/db' }, { signal: signal() });
    await expect(
      provider.read({ path: 'app/absent', version: 2 }, { signal: signal() }),
    ).rejects.toMatchObject({ code: 'SECRET_NOT_FOUND' });
    await provider.close();
    expect(store.requests()).toEqual([
      { operation: 'login', outcome: 'ok' },
      { operation: 'test-connection', outcome: 'ok' },
      { operation: 'read', path: 'app/db', version: 0, outcome: 'ok' },
      { operation: 'read', path: 'app/absent', version: 2, outcome: 'SECRET_NOT_FOUND' },
      { operation: 'revoke', outcome: 'ok' },
    ]);
    expect(store.secretReadCount()).toBe(2);
    expect(JSON.stringify(store.requests())).not.toMatch(/CANARY|one/);
  });

  it('serves a version added later to the next read', async () => {
    const store = openStore('store-put-secret');
    const provider = createMemoryProvider({ store: store.name, token });
    expect(store.putSecret('app/db', { password: 'two' })).toBe(2);
    expect(store.putSecret('app/new', { password: 'fresh' })).toBe(1);
    expect(await provider.read({ path: 'app/db' }, { signal: signal() })).toEqual({
      values: { password: 'two' },
      version: '2',
    });
    const pinned = await provider.read({ path: 'app/db', version: 1 }, { signal: signal() });
    expect(pinned.values).toEqual({ password: 'one' });
    const added = await provider.read({ path: 'app/new' }, { signal: signal() });
    expect(added.values).toEqual({ password: 'fresh' });
  });

  it('answers queued faults to the matching requests only, as often as asked', async () => {
    const store = openStore('store-faults');
    const provider = createMemoryProvider({ store: store.name, token });
    store.failNext({ code: 'RATE_LIMITED', retryAfterMs: 1500 }, { operation: 'read', times: 2 });
    await provider.testConnection({ signal: signal() });
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await provider.read({ path: 'app/db' }, { signal: signal() }).then(
        () => undefined,
        (failure: SecretError) => failure,
      );
      expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 1500 });
    }
    const data = await provider.read({ path: 'app/db' }, { signal: signal() });
    expect(data.values).toEqual({ password: 'one' });
  });

  it('counts the most requests in flight at once', async () => {
    const store = createMemoryStore('store-in-flight', {
      token,
      latencyMs: 20,
      secrets: ['a', 'b', 'c'].map((path) => ({ path, versions: [{ key: path }] })),
    });
    opened.push(store);
    const provider = createMemoryProvider({ store: store.name, token });
    await Promise.all(['a', 'b', 'c'].map((path) => provider.read({ path }, { signal: signal() })));
    expect(store.peakInFlight()).toBe(3);
    expect(store.requestCount('login')).toBe(1);
  });

  it('is unreachable once closed, with a message that says how to create it', async () => {
    const store = openStore('store-closed');
    const provider = createMemoryProvider({ store: store.name, token });
    store.close();
    const error = await provider.read({ path: 'app/db' }, { signal: signal() }).then(
      () => undefined,
      (failure: SecretError) => failure,
    );
    expect(error?.code).toBe('UNREACHABLE');
    expect(error?.message).toContain('createMemoryStore("store-closed"');
  });
});

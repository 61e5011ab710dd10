import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryProvider, memoryProvider } from './memory-provider';
import { createMemoryStore, type MemoryStore } from './memory-store';

const token = 'CANARY-PROVIDER-TOKEN-7f3a';
const live = () => ({ signal: new AbortController().signal });
const opened: MemoryStore[] = [];

function openStore(name: string, latencyMs = 0): MemoryStore {
  const store = createMemoryStore(name, {
    token,
    latencyMs,
    secrets: [{ path: 'app/db', versions: [{ user: 'app', password: 'first' }] }],
  });
  opened.push(store);
  return store;
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

describe('memoryProvider', () => {
  it('logs in again once when the store expired its session', async () => {
    const store = openStore('provider-expired');
    const provider = createMemoryProvider({ store: store.name, token });
    await provider.read({ path: 'app/db' }, live());
    store.expireSessions();
    const data = await provider.read({ path: 'app/db' }, live());
    expect(data.values).toEqual({ user: 'app', password: 'first' });
    expect(store.requestCount('login')).toBe(2);
  });

  it('forgets a failed login, so the next call tries again', async () => {
    const store = openStore('provider-login-retry');
    const provider = createMemoryProvider({ store: store.name, token });
    store.failNext({ code: 'UNREACHABLE' }, { operation: 'login' });
    await expect(provider.read({ path: 'app/db' }, live())).rejects.toMatchObject({
      code: 'UNREACHABLE',
    });
    await expect(provider.read({ path: 'app/db' }, live())).resolves.toMatchObject({
      version: '1',
    });
    expect(store.requestCount('login')).toBe(2);
  });

  it('does not cancel a caller that shares a login another caller gave up on', async () => {
    const store = openStore('provider-shared-login', 100);
    const provider = createMemoryProvider({ store: store.name, token });
    const impatient = new AbortController();
    const first = provider.read({ path: 'app/db' }, { signal: impatient.signal });
    const second = provider.read({ path: 'app/db' }, live());
    setTimeout(() => impatient.abort(), 10);
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(second).resolves.toMatchObject({ values: { password: 'first' } });
  });

  it('revokes its session once on close, and refuses calls afterwards', async () => {
    const store = openStore('provider-close');
    const provider = createMemoryProvider({ store: store.name, token });
    await provider.testConnection(live());
    await provider.close();
    await provider.close();
    expect(store.requestCount('revoke')).toBe(1);
    await expect(provider.read({ path: 'app/db' }, live())).rejects.toMatchObject({
      code: 'PROVIDER_ERROR',
      message: expect.stringContaining('create a new provider'),
    });
  });

  it('rejects version forms the store cannot use, without I/O', async () => {
    const store = openStore('provider-versions');
    const provider = createMemoryProvider({ store: store.name, token });
    for (const version of ['3', -1, 1.5]) {
      expect(() => provider.validateReference?.({ path: 'app/db', key: 'user', version })).toThrow(
        expect.objectContaining({ code: 'INVALID_REFERENCE' }),
      );
      await expect(provider.read({ path: 'app/db', version }, live())).rejects.toMatchObject({
        code: 'INVALID_REFERENCE',
      });
    }
    expect(() =>
      provider.validateReference?.({ path: 'app/db', key: 'user', version: 0 }),
    ).not.toThrow();
    expect(store.requestCount()).toBe(0);
  });

  it('validates its plain-data settings when created directly', () => {
    expect(() => createMemoryProvider({ store: 'x' } as never)).toThrow(
      expect.objectContaining({
        code: 'INVALID_CONFIG',
        issues: [expect.stringContaining('"token"')],
      }),
    );
    expect(memoryProvider.parseConfig({ store: 'x', token })).toEqual({ store: 'x', token });
  });
});

import { describe, expect, it } from 'vitest';
import { AccessTokenCache } from './access-token-cache';
import type { IssuedAccessToken } from './infisical-client';

interface PendingLogin {
  signal: AbortSignal;
  resolve(token: IssuedAccessToken): void;
  reject(error: unknown): void;
}

/** A login under the test's control: each call waits until the test settles it. */
function controlledLogin() {
  const pending: PendingLogin[] = [];
  const login = (signal: AbortSignal) =>
    new Promise<IssuedAccessToken>((resolve, reject) => {
      pending.push({ signal, resolve, reject });
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  return { pending, login };
}

function counterLogin(expiresInSeconds: number) {
  let count = 0;
  return {
    count: () => count,
    login: async () => {
      count += 1;
      return { accessToken: `token-${count}`, expiresInSeconds };
    },
  };
}

const live = () => new AbortController().signal;

describe('AccessTokenCache', () => {
  it('reuses a token until shortly before it expires, then logs in again', async () => {
    let now = 0;
    const logins = counterLogin(3600);
    const cache = new AccessTokenCache(logins.login, () => now);
    expect(await cache.get(live())).toBe('token-1');
    now = 3_539_000;
    expect(await cache.get(live())).toBe('token-1');
    now = 3_540_000;
    expect(await cache.get(live())).toBe('token-2');
    expect(logins.count()).toBe(2);
  });

  it('renews a short-lived token a tenth of its life early', async () => {
    let now = 0;
    const logins = counterLogin(20);
    const cache = new AccessTokenCache(logins.login, () => now);
    await cache.get(live());
    now = 17_999;
    expect(await cache.get(live())).toBe('token-1');
    now = 18_000;
    expect(await cache.get(live())).toBe('token-2');
  });

  it('keeps a token that never expires (expiresIn 0)', async () => {
    let now = 0;
    const logins = counterLogin(0);
    const cache = new AccessTokenCache(logins.login, () => now);
    await cache.get(live());
    now = 10 ** 12;
    expect(await cache.get(live())).toBe('token-1');
    expect(logins.count()).toBe(1);
  });

  it('shares one login between concurrent callers', async () => {
    const { pending, login } = controlledLogin();
    const cache = new AccessTokenCache(login, () => 0);
    const tokens = Promise.all([cache.get(live()), cache.get(live()), cache.get(live())]);
    expect(pending).toHaveLength(1);
    pending[0]!.resolve({ accessToken: 'shared', expiresInSeconds: 60 });
    expect(await tokens).toEqual(['shared', 'shared', 'shared']);
  });

  it('gives every waiting caller the login failure', async () => {
    const { pending, login } = controlledLogin();
    const cache = new AccessTokenCache(login, () => 0);
    const first = cache.get(live());
    const second = cache.get(live());
    const failure = new Error('login refused');
    pending[0]!.reject(failure);
    await expect(first).rejects.toBe(failure);
    await expect(second).rejects.toBe(failure);
    const retry = cache.get(live());
    expect(pending).toHaveLength(2);
    pending[1]!.resolve({ accessToken: 'later', expiresInSeconds: 60 });
    expect(await retry).toBe('later');
  });

  it('lets one caller give up without aborting the login others wait for', async () => {
    const { pending, login } = controlledLogin();
    const cache = new AccessTokenCache(login, () => 0);
    const quitter = new AbortController();
    const abandoned = cache.get(quitter.signal);
    const patient = cache.get(live());
    quitter.abort(new Error('caller gave up'));
    await expect(abandoned).rejects.toThrow('caller gave up');
    expect(pending[0]!.signal.aborted).toBe(false);
    pending[0]!.resolve({ accessToken: 'kept', expiresInSeconds: 60 });
    expect(await patient).toBe('kept');
  });

  it('aborts the login once every caller has given up', async () => {
    const { pending, login } = controlledLogin();
    const cache = new AccessTokenCache(login, () => 0);
    const first = new AbortController();
    const second = new AbortController();
    const calls = [cache.get(first.signal), cache.get(second.signal)];
    first.abort(new Error('first gave up'));
    expect(pending[0]!.signal.aborted).toBe(false);
    second.abort(new Error('second gave up'));
    expect(pending[0]!.signal.aborted).toBe(true);
    await expect(calls[0]).rejects.toThrow('first gave up');
    await expect(calls[1]).rejects.toThrow('second gave up');
  });

  it('starts a new login for a new caller while an abandoned one is still being aborted', async () => {
    const pending: PendingLogin[] = [];
    const slowToAbort = (signal: AbortSignal) =>
      new Promise<IssuedAccessToken>((resolve, reject) =>
        pending.push({ signal, resolve, reject }),
      );
    const cache = new AccessTokenCache(slowToAbort, () => 0);
    const quitter = new AbortController();
    const abandoned = cache.get(quitter.signal);
    quitter.abort(new Error('gave up'));
    await expect(abandoned).rejects.toThrow('gave up');
    const next = cache.get(live());
    expect(pending).toHaveLength(2);
    pending[1]!.resolve({ accessToken: 'second', expiresInSeconds: 60 });
    expect(await next).toBe('second');
    pending[0]!.reject(new Error('aborted late'));
  });

  it('rejects at once for a signal that is already aborted, without logging in', async () => {
    const logins = counterLogin(60);
    const cache = new AccessTokenCache(logins.login, () => 0);
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(cache.get(controller.signal)).rejects.toThrow('too late');
    expect(logins.count()).toBe(0);
  });

  it('forgets a rejected token once, so that callers rejected together share one login', async () => {
    const logins = counterLogin(3600);
    const cache = new AccessTokenCache(logins.login, () => 0);
    const stale = await cache.get(live());
    cache.invalidate(stale);
    const fresh = await cache.get(live());
    cache.invalidate(stale);
    expect(await cache.get(live())).toBe(fresh);
    expect(logins.count()).toBe(2);
  });

  it('refresh() logs in again whatever is cached; take() empties the cache', async () => {
    const logins = counterLogin(3600);
    const cache = new AccessTokenCache(logins.login, () => 0);
    await cache.get(live());
    expect(await cache.refresh(live())).toBe('token-2');
    expect(cache.take()).toBe('token-2');
    expect(cache.take()).toBeUndefined();
  });
});

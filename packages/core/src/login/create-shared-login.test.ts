import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { abortListeners, controlledLogin, live, settled } from './__fixtures__/controlled-login';
import { createSharedLogin } from './create-shared-login';

const turn = () => new Promise((resolve) => setImmediate(resolve));

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('createSharedLogin: sharing', () => {
  it('runs one login for concurrent callers and gives each the same value', async () => {
    const { runs, login } = controlledLogin();
    const shared = createSharedLogin(login);
    const callers = [shared.join(live()), shared.join(live()), shared.join(live())];
    expect(runs).toHaveLength(1);
    runs[0]!.resolve('token-1');
    expect(await Promise.all(callers)).toEqual(['token-1', 'token-1', 'token-1']);
  });

  it('caches nothing: a call after the login settled starts a new one', async () => {
    let count = 0;
    const shared = createSharedLogin(async () => `token-${++count}`);
    expect(await shared.join(live())).toBe('token-1');
    expect(await shared.join(live())).toBe('token-2');
  });

  it('gives every waiting caller the failure, and tries again on the next call', async () => {
    const { runs, login } = controlledLogin();
    const shared = createSharedLogin(login);
    const first = settled(shared.join(live()));
    const second = settled(shared.join(live()));
    const failure = new Error('login refused');
    runs[0]!.reject(failure);
    expect(await first).toEqual({ error: failure });
    expect(await second).toEqual({ error: failure });
    const retry = shared.join(live());
    expect(runs).toHaveLength(2);
    runs[1]!.resolve('later');
    expect(await retry).toBe('later');
  });

  it('turns a login that throws synchronously into a rejection of its callers', async () => {
    const failure = new Error('bad settings');
    const shared = createSharedLogin<string>(() => {
      throw failure;
    });
    await expect(shared.join(live())).rejects.toBe(failure);
  });
});

describe('createSharedLogin: leaving on abort', () => {
  it('lets one caller leave at once with its reason while the others get the value', async () => {
    const { runs, login } = controlledLogin();
    const shared = createSharedLogin(login);
    const quitter = new AbortController();
    const left = settled(shared.join(quitter.signal));
    const patient = [shared.join(live()), shared.join(live())];
    const reason = new Error('caller gave up');
    quitter.abort(reason);
    expect(await left).toEqual({ error: reason });
    expect(runs[0]!.signal.aborted).toBe(false);
    runs[0]!.resolve('kept');
    expect(await Promise.all(patient)).toEqual(['kept', 'kept']);
  });

  it('aborts the login with the last reason once every caller has left', async () => {
    const { runs, login } = controlledLogin();
    const shared = createSharedLogin(login);
    const first = new AbortController();
    const second = new AbortController();
    const calls = [settled(shared.join(first.signal)), settled(shared.join(second.signal))];
    const firstReason = new Error('first gave up');
    const lastReason = new Error('second gave up');
    first.abort(firstReason);
    expect(runs[0]!.signal.aborted).toBe(false);
    second.abort(lastReason);
    expect(runs[0]!.signal.aborted).toBe(true);
    expect(runs[0]!.signal.reason).toBe(lastReason);
    expect(await Promise.all(calls)).toEqual([{ error: firstReason }, { error: lastReason }]);
  });

  it('starts a new login for a caller that comes while an abandoned one is still settling', async () => {
    const { runs, login } = controlledLogin({ honoursAbort: false });
    const shared = createSharedLogin(login);
    const quitter = new AbortController();
    const abandoned = settled(shared.join(quitter.signal));
    quitter.abort(new Error('gave up'));
    await abandoned;
    const next = shared.join(live());
    expect(runs).toHaveLength(2);
    runs[1]!.resolve('second');
    runs[0]!.resolve('first, too late');
    expect(await next).toBe('second');
  });

  it('rejects at once, without logging in, for a signal that is already aborted', async () => {
    const login = vi.fn(async () => 'token');
    const shared = createSharedLogin(login);
    await expect(shared.join(AbortSignal.abort('too late'))).rejects.toBe('too late');
    expect(login).not.toHaveBeenCalled();
  });
});

describe('createSharedLogin: abort()', () => {
  it('aborts the login in flight, gives its callers its outcome, and resolves once it settled', async () => {
    const { runs, login } = controlledLogin();
    const shared = createSharedLogin(login);
    const caller = settled(shared.join(live()));
    const reason = new Error('provider closed');
    await shared.abort(reason);
    expect(runs[0]!.signal.reason).toBe(reason);
    expect(await caller).toEqual({ error: reason });
    const next = shared.join(live());
    expect(runs).toHaveLength(2);
    runs[1]!.resolve('fresh');
    expect(await next).toBe('fresh');
  });

  it('waits for a login that ignores the abort, and resolves at once when none is in flight', async () => {
    const { runs, login } = controlledLogin({ honoursAbort: false });
    const shared = createSharedLogin(login);
    await shared.abort();
    const caller = shared.join(live());
    let aborted = false;
    const aborting = shared.abort().then(() => {
      aborted = true;
    });
    await turn();
    expect(aborted).toBe(false);
    runs[0]!.resolve('finished anyway');
    await aborting;
    expect(await caller).toBe('finished anyway');
  });
});

describe('createSharedLogin: leaves nothing behind', () => {
  it('removes its abort listener from every caller, whichever way it left', async () => {
    const { runs, login } = controlledLogin();
    const shared = createSharedLogin(login);
    const staying = new AbortController();
    const leaving = new AbortController();
    const calls = [settled(shared.join(staying.signal)), settled(shared.join(leaving.signal))];
    expect(abortListeners(staying.signal)).toBe(1);
    leaving.abort();
    runs[0]!.resolve('token');
    await Promise.all(calls);
    expect(abortListeners(staying.signal)).toBe(0);
    expect(abortListeners(leaving.signal)).toBe(0);
  });

  it('never leaves an unhandled rejection or a timer, also when an abandoned login fails late', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'setImmediate'] });
    try {
      const { runs, login } = controlledLogin({ honoursAbort: false });
      const shared = createSharedLogin(login);
      const quitter = new AbortController();
      const call = settled(shared.join(quitter.signal));
      quitter.abort(new Error('gave up'));
      await call;
      runs[0]!.reject(new Error('failed after everyone left'));
      const failed = settled(shared.join(live()));
      runs[1]!.reject(new Error('failed'));
      await failed;
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    await turn();
    await turn();
    expect(unhandled).toEqual([]);
  });
});

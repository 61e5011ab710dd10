import { describe, expect, it } from 'vitest';
import { raceWithSignal } from './race-with-signal';

describe('raceWithSignal', () => {
  it('settles as the promise does while the signal stays quiet, and removes its listener', async () => {
    const controller = new AbortController();
    await expect(raceWithSignal(Promise.resolve('value'), controller.signal)).resolves.toBe(
      'value',
    );
    await expect(
      raceWithSignal(Promise.reject(new Error('no')), controller.signal),
    ).rejects.toThrow('no');
    const reason = new Error('late');
    controller.abort(reason);
    await new Promise((resolve) => setImmediate(resolve));
    expect(controller.signal.reason).toBe(reason);
  });

  it('rejects with the reason at once when the signal aborts first, and swallows the late outcome', async () => {
    const controller = new AbortController();
    let failLate: (error: Error) => void = () => {};
    const slow = new Promise<string>((_resolve, reject) => {
      failLate = reject;
    });
    const raced = raceWithSignal(slow, controller.signal);
    const reason = new Error('cancelled');
    controller.abort(reason);
    await expect(raced).rejects.toBe(reason);
    failLate(new Error('too late'));
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('rejects at once for a signal aborted before the race', async () => {
    await expect(raceWithSignal(new Promise(() => {}), AbortSignal.abort('gone'))).rejects.toBe(
      'gone',
    );
  });
});

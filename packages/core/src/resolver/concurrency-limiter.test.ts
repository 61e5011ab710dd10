import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from './concurrency-limiter';

describe('createConcurrencyLimiter', () => {
  it('runs at most `maximum` tasks at once, in arrival order', async () => {
    const limiter = createConcurrencyLimiter(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (index: number) => async () => {
      started.push(index);
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running--;
      return index;
    };
    const results = await Promise.all([0, 1, 2, 3, 4].map((index) => limiter.run(task(index))));
    expect(results).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.active).toBe(0);
    expect(limiter.waiting).toBe(0);
  });

  it('frees the slot of a task that fails, even synchronously', async () => {
    const limiter = createConcurrencyLimiter(1);
    const failing = limiter.run(() => {
      throw new Error('boom');
    });
    const next = limiter.run(async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    expect(limiter.active).toBe(0);
  });
});

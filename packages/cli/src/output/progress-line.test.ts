import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startProgressLine } from './progress-line';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => written.push(text) };
}

describe('startProgressLine', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws nothing for work shorter than the delay', () => {
    const terminal = stream(true);
    const progress = startProgressLine(terminal, 'Resolving…', { delayMs: 300 });
    vi.advanceTimersByTime(299);
    progress.stop();
    vi.advanceTimersByTime(1000);
    expect(terminal.written).toEqual([]);
  });

  it('draws and redraws the elapsed time on a terminal, then erases the line', () => {
    const terminal = stream(true);
    const progress = startProgressLine(terminal, 'Resolving 3 references…', {
      delayMs: 300,
      intervalMs: 100,
      now: Date.now,
    });
    vi.advanceTimersByTime(500);
    progress.stop();
    progress.stop();
    vi.advanceTimersByTime(1000);
    expect(terminal.written[0]).toBe('\r\x1b[2K⠋ Resolving 3 references… 0.3s');
    expect(terminal.written).toHaveLength(4);
    expect(terminal.written.at(-2)).toContain('0.5s');
    expect(terminal.written.at(-1)).toBe('\r\x1b[2K');
  });

  it('writes nothing at all when the stream is not a terminal', () => {
    const pipe = stream(false);
    const progress = startProgressLine(pipe, 'Resolving…', { delayMs: 0 });
    vi.advanceTimersByTime(5000);
    progress.stop();
    expect(pipe.written).toEqual([]);
  });
});

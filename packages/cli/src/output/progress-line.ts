import type { CliStream } from './cli-streams';

/** Options of {@link startProgressLine}. */
export interface ProgressLineOptions {
  /** How long the work may take before the line appears, in milliseconds. @default 300 */
  delayMs?: number;
  /** How often the elapsed time is redrawn, in milliseconds. @default 100 */
  intervalMs?: number;
  /** The clock, in milliseconds. @default Date.now */
  now?: () => number;
}

/** A running progress line; `stop()` erases it. Idempotent. */
export interface ProgressLine {
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const ERASE_LINE = '\r\x1b[2K';

/**
 * Shows `label` with a spinner and the elapsed seconds on one redrawn line, once the work has
 * taken longer than `delayMs`. Nothing at all is written unless `stream` is a terminal: piped
 * output and logs stay clean. The timers never keep the process alive.
 */
export function startProgressLine(
  stream: CliStream,
  label: string,
  options: ProgressLineOptions = {},
): ProgressLine {
  if (stream.isTTY !== true) return { stop() {} };
  const now = options.now ?? Date.now;
  const started = now();
  let frame = 0;
  let drawn = false;
  let interval: ReturnType<typeof setInterval> | undefined;
  const draw = () => {
    const seconds = ((now() - started) / 1000).toFixed(1);
    stream.write(`${ERASE_LINE}${FRAMES[frame % FRAMES.length]} ${label} ${seconds}s`);
    frame += 1;
    drawn = true;
  };
  const delay = setTimeout(() => {
    draw();
    interval = setInterval(draw, options.intervalMs ?? 100);
    interval.unref?.();
  }, options.delayMs ?? 300);
  delay.unref?.();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(delay);
      if (interval !== undefined) clearInterval(interval);
      if (drawn) stream.write(ERASE_LINE);
    },
  };
}

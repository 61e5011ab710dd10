import { inspect } from 'node:util';
import type { Logger } from '@fromsecret/core';

/** A logger that keeps every line, fields included, as text to search for leaks. */
export interface CapturingLogger extends Logger {
  /** Every line logged so far: level, message and fields as JSON. */
  readonly lines: string[];
}

/** Creates a {@link CapturingLogger}. */
export function createCapturingLogger(): CapturingLogger {
  const lines: string[] = [];
  const capture =
    (level: string) =>
    (message: string, fields?: object): void => {
      lines.push(
        `${level} ${String(message)} ${fields === undefined ? '' : describeFields(fields)}`,
      );
    };
  return {
    lines,
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
  };
}

// inspect, unlike JSON.stringify, shows every field (cycles, bigints, non-enumerable errors'
// messages stay visible) without ever throwing, so nothing a provider logs escapes the search.
function describeFields(fields: object): string {
  return inspect(fields, { depth: 8, breakLength: Number.POSITIVE_INFINITY });
}

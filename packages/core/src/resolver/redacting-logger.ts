import { redactText } from '../errors/redact-text';
import { type Logger, silentLogger } from '../spec/v1/logger';

const maximumDepth = 8;

/**
 * The logger a provider receives: the host's logger behind a filter that redacts the
 * integration's `secret: true` settings and anything shaped like a credential from every
 * message and every string in the fields, at any depth. Providers must never log a secret;
 * this is the second line of defence for those (third parties' included) that do. With the
 * silent logger (the default), the silent logger itself.
 */
export function createRedactingLogger(logger: Logger, secrets: readonly string[]): Logger {
  // Nothing is written, so nothing needs redacting: spares every read its log lines' scans.
  if (logger === silentLogger) return silentLogger;
  const forward =
    (level: keyof Logger) =>
    (message: string, fields?: object): void => {
      const redacted = redactText(String(message), secrets);
      if (fields === undefined) logger[level](redacted);
      else logger[level](redacted, redactValue(fields, secrets, 0) as object);
    };
  return {
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
  };
}

function redactValue(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= maximumDepth) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`, secrets);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(copy, key, {
      value: redactValue(item, secrets, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

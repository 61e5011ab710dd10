import { redactText } from './redact-text';

/** Fields of a foreign error that are safe to keep: they describe, never carry, data. */
const safeFields = ['code', 'errno', 'syscall', 'status', 'statusCode'] as const;

/** A foreign error reduced to what is safe to keep as a `cause`. */
export class SanitizedError extends Error {
  override name: string;
  /** The original error's code (`ECONNREFUSED`, `CERT_HAS_EXPIRED`, an SDK code). */
  code?: string;
  /** The original error's errno. */
  errno?: number;
  /** The failed system call. */
  syscall?: string;
  /** The HTTP status the original error carried. */
  status?: number;

  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const maximumDepth = 4;

/**
 * Turns any error (an SDK's, an HTTP client's, a socket's) into a {@link SanitizedError} that
 * keeps its name, its redacted message, its code and status, and its chain of causes, and
 * drops everything else: request and response objects, headers, bodies, configs and tokens.
 * Every string in `secrets` is redacted from the messages.
 */
export function sanitizeCause(
  error: unknown,
  secrets: Iterable<string> = [],
  depth = 0,
): SanitizedError {
  const secretList = [...secrets];
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) {
    return new SanitizedError('Error', redactText(String(error), secretList));
  }
  const source = error as Error & Record<string, unknown>;
  const name = typeof source.name === 'string' ? source.name : 'Error';
  const message = typeof source.message === 'string' ? source.message : '';
  const sanitized = new SanitizedError(name, redactText(message, secretList));
  for (const field of safeFields) {
    const response = source.response as Record<string, unknown> | undefined;
    const value = source[field] ?? (field === 'status' ? response?.status : undefined);
    if (value === undefined) continue;
    if (field === 'code' || field === 'syscall') {
      if (typeof value === 'string') sanitized[field] = redactText(value, secretList);
    } else if (typeof value === 'number') {
      sanitized[field === 'statusCode' ? 'status' : field] = value;
    }
  }
  const frames = typeof source.stack === 'string' ? source.stack.split('\n').filter(isFrame) : [];
  sanitized.stack = [`${sanitized.name}: ${sanitized.message}`, ...frames].join('\n');
  if (source.cause !== undefined && depth < maximumDepth) {
    sanitized.cause = sanitizeCause(source.cause, secretList, depth + 1);
  }
  return sanitized;
}

function isFrame(line: string): boolean {
  return /^\s+at\s/.test(line);
}

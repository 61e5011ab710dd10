import type { EmulatorFault, EmulatorResponse } from '../emulator/emulator-types';

let requestCounter = 0;

/**
 * An answer in the shape Infisical's error handler gives every failure:
 * `{reqId, statusCode, message, error}` (for example 403 `TokenError`, 404 `NotFound`).
 */
export function infisicalErrorResponse(
  status: number,
  error: string,
  message: unknown,
  headers?: Record<string, string>,
): EmulatorResponse {
  requestCounter += 1;
  return {
    status,
    ...(headers === undefined ? {} : { headers }),
    body: { reqId: `req-emulator-${requestCounter}`, statusCode: status, message, error },
  };
}

/** A fault that answers like Infisical's rate limiter: 429 `RateLimitExceeded`. */
export function infisicalRateLimitFault(retryAfterSeconds?: number): EmulatorFault {
  const response = infisicalErrorResponse(
    429,
    'RateLimitExceeded',
    'Rate limit exceeded. Please try again in 1 minute',
    retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) },
  );
  return {
    kind: 'status',
    status: 429,
    body: response.body,
    ...(response.headers === undefined ? {} : { headers: response.headers }),
  };
}

import { randomUUID } from 'node:crypto';
import type { EmulatorFault, EmulatorResponse } from '../emulator/emulator-types';

/**
 * An Entra ID error as its token and metadata endpoints send it: an OAuth error with an
 * AADSTS description, the numbers in `error_codes`, trace and correlation ids.
 */
export function entraErrorResponse(
  status: number,
  error: string,
  code: number,
  description: string,
): EmulatorResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status,
    headers: { 'cache-control': 'no-store, no-cache' },
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

/** A Key Vault error: `{error: {code, message, innererror?: {code}}}`. */
export function keyVaultErrorResponse(
  status: number,
  code: string,
  message: string,
  innerCode?: string,
  headers?: Record<string, string>,
): EmulatorResponse {
  return {
    status,
    headers: { 'x-ms-keyvault-service-version': '1.9.2.0', ...headers },
    body: {
      error: {
        code,
        message,
        ...(innerCode === undefined ? {} : { innererror: { code: innerCode } }),
      },
    },
  };
}

/** A fault that answers like Key Vault's throttling: 429 `Throttled` with `Retry-After`. */
export function keyVaultThrottledFault(retryAfterSeconds = 1): EmulatorFault {
  const response = keyVaultErrorResponse(
    429,
    'Throttled',
    'Operations per second is over the limit. Retry after the period given in the Retry-After header.',
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );
  return {
    kind: 'status',
    status: 429,
    body: response.body,
    ...(response.headers === undefined ? {} : { headers: response.headers }),
  };
}

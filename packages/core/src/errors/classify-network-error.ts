import type { SecretErrorCode } from './secret-error-code';

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

const timeoutCodes = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNABORTED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/** The kind of transport failure an error chain shows, if any. */
export interface NetworkFailure {
  code: Extract<SecretErrorCode, 'UNREACHABLE' | 'TIMEOUT' | 'TLS_ERROR'>;
  /** The system or library code that decided it, for example `ECONNREFUSED`. */
  systemCode: string;
}

/**
 * Looks through an error and its causes (fetch wraps socket errors in `cause`, axios and
 * the Azure SDK keep `code`) for a transport failure: unreachable host, timeout, or TLS.
 * Returns `undefined` when the error is not a transport failure.
 */
export function classifyNetworkError(error: unknown): NetworkFailure | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (unreachableCodes.has(code)) return { code: 'UNREACHABLE', systemCode: code };
      if (timeoutCodes.has(code)) return { code: 'TIMEOUT', systemCode: code };
      if (tlsCodes.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
        return { code: 'TLS_ERROR', systemCode: code };
      }
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

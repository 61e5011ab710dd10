/** Every code a `SecretError` can carry. Codes are stable: hosts branch on them. */
export const SECRET_ERROR_CODES = [
  'INVALID_REFERENCE',
  'INVALID_CONFIG',
  'INTEGRATION_NOT_FOUND',
  'NOT_ALLOWED',
  'UNKNOWN_PROVIDER_TYPE',
  'PROVIDER_NOT_INSTALLED',
  'INVALID_PROVIDER',
  'AUTHENTICATION_FAILED',
  'PERMISSION_DENIED',
  'SECRET_NOT_FOUND',
  'KEY_NOT_FOUND',
  'VERSION_NOT_FOUND',
  'UNREACHABLE',
  'TLS_ERROR',
  'TIMEOUT',
  'CANCELLED',
  'RATE_LIMITED',
  'PROVIDER_ERROR',
  'RESOLUTION_FAILED',
] as const;

/** A stable error code; see the design's error table. */
export type SecretErrorCode = (typeof SECRET_ERROR_CODES)[number];

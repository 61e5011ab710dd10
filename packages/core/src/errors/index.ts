export { classifyNetworkError, type NetworkFailure } from './classify-network-error';
export { parseRetryAfter } from './parse-retry-after';
export { MIN_REDACTED_LENGTH, REDACTED, redactText } from './redact-text';
export { SanitizedError, sanitizeCause } from './sanitize-cause';
export {
  type IntegrationDescriptor,
  type ReferenceDescriptor,
  SecretError,
  type SecretErrorJSON,
  type SecretErrorOptions,
} from './secret-error';
export { SECRET_ERROR_CODES, type SecretErrorCode } from './secret-error-code';

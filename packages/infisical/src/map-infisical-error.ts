import {
  classifyNetworkError,
  parseRetryAfter,
  redactText,
  SecretError,
  sanitizeCause,
} from '@fromsecret/core';
import type { InfisicalConfig } from './infisical-config';
import { InfisicalResponseError } from './infisical-response-error';

/** What was being done when an error happened, for the message. */
export interface InfisicalErrorContext {
  operation: 'login' | 'read' | 'revoke';
  config: InfisicalConfig;
  /** The secret's key name, for reads. */
  secretName?: string;
  /** Strings that must never appear in a message or cause: credentials and tokens. */
  secrets: readonly string[];
  /** The clock, for `Retry-After` dates. */
  now: number;
}

/**
 * Turns anything a login, a read or a revocation threw into a `SecretError` with a code
 * from the design's table and a message that says what failed, where, and what to change.
 * The caller's aborted signal wins over whatever error the abort caused.
 */
export function mapInfisicalError(
  error: unknown,
  context: InfisicalErrorContext,
  signal?: AbortSignal,
): SecretError {
  if (signal?.aborted) return abortedError(signal.reason, context);
  if (SecretError.isInstance(error)) return error;
  if (error instanceof InfisicalResponseError) return mapResponseError(error, context);
  const cause = sanitizeCause(error, context.secrets);
  const network = classifyNetworkError(error);
  const site = context.config.siteUrl;
  if (network?.code === 'TLS_ERROR') {
    return new SecretError({
      code: 'TLS_ERROR',
      message:
        `The TLS certificate of Infisical at ${site} was not accepted (${network.systemCode}) ` +
        `during the ${context.operation}; set the integration's caCert to the PEM of the CA ` +
        "that signed it (or NODE_EXTRA_CA_CERTS), and check that siteUrl's host name is one " +
        'the certificate names.',
      cause,
    });
  }
  if (network !== undefined) {
    return new SecretError({
      code: network.code,
      message:
        `Cannot reach Infisical at ${site} (${network.systemCode}) during the ` +
        `${context.operation}; check the integration's siteUrl and that the instance is up and ` +
        'reachable from the CI server.',
      cause,
    });
  }
  return new SecretError({
    code: 'PROVIDER_ERROR',
    message: `The ${context.operation} at Infisical (${site}) failed: ${cause.message}`,
    cause,
  });
}

function abortedError(reason: unknown, context: InfisicalErrorContext): SecretError {
  const timedOut =
    (SecretError.isInstance(reason) && reason.code === 'TIMEOUT') ||
    (reason instanceof Error && reason.name === 'TimeoutError');
  const what = `The Infisical ${context.operation}${describeSecret(context)}`;
  return new SecretError({
    code: timedOut ? 'TIMEOUT' : 'CANCELLED',
    message: timedOut
      ? `${what} did not finish before the deadline; raise the resolver's timeoutMs or check the latency to ${context.config.siteUrl}.`
      : `${what} was cancelled by the caller before it completed; nothing was read.`,
  });
}

function mapResponseError(
  error: InfisicalResponseError,
  context: InfisicalErrorContext,
): SecretError {
  const said = `Infisical said: ${redactText(error.serverMessage, context.secrets).slice(0, 300)}`;
  const site = context.config.siteUrl;
  const status = error.errorName === '' ? `${error.status}` : `${error.status} ${error.errorName}`;
  if (error.status === 429) {
    const retryAfterMs = parseRetryAfter(error.retryAfter, context.now);
    return new SecretError({
      code: 'RATE_LIMITED',
      message: `Infisical at ${site} is rate limiting the machine identity (${status}) during the ${context.operation}; wait, or raise the organization's rate limits. ${said}`,
      retryable: true,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (error.status >= 500) return serverError(error, context, `${status}; ${said}`);
  if (error.errorName === 'MalformedResponse') {
    return new SecretError({
      code: 'PROVIDER_ERROR',
      message: `Infisical at ${site} gave an answer that makes no sense for the ${context.operation}${describeSecret(context)}: ${error.serverMessage}; check that siteUrl points at an Infisical instance.`,
    });
  }
  if (context.operation === 'login') return loginError(error, context, said);
  return readError(error, context, `${status}; ${said}`);
}

function serverError(
  error: InfisicalResponseError,
  context: InfisicalErrorContext,
  detail: string,
): SecretError {
  const retryable = error.status === 502 || error.status === 503 || error.status === 504;
  const retryAfterMs = retryable ? parseRetryAfter(error.retryAfter, context.now) : undefined;
  return new SecretError({
    code: 'PROVIDER_ERROR',
    message: `Infisical at ${context.config.siteUrl} failed the ${context.operation}${describeSecret(context)} (${detail}); ${retryable ? 'it may be restarting or overloaded' : 'see the instance logs'}.`,
    retryable,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

function loginError(
  error: InfisicalResponseError,
  context: InfisicalErrorContext,
  said: string,
): SecretError {
  const site = context.config.siteUrl;
  if (error.status === 401 || error.status === 403) {
    return new SecretError({
      code: 'AUTHENTICATION_FAILED',
      message: `Infisical at ${site} rejected the machine identity's Universal Auth login (${error.status}); check the integration's clientId and clientSecret, that the client secret is neither revoked nor expired, and the identity's trusted IPs. ${said}`,
    });
  }
  return new SecretError({
    code: 'PROVIDER_ERROR',
    message: `Infisical at ${site} answered ${error.status} to the Universal Auth login; check that siteUrl points at an Infisical instance with Universal Auth. ${said}`,
  });
}

function readError(
  error: InfisicalResponseError,
  context: InfisicalErrorContext,
  detail: string,
): SecretError {
  const { config } = context;
  const name = context.secretName ?? '';
  const where = `in project ${config.projectId}, environment "${config.environment}", path "${config.secretPath}"`;
  if (error.rejectsToken) {
    return new SecretError({
      code: 'AUTHENTICATION_FAILED',
      message: `Infisical at ${config.siteUrl} rejected a newly issued access token of the machine identity (${detail}); check that the identity and its client secret are not revoked.`,
    });
  }
  if (error.status === 403) {
    return new SecretError({
      code: 'PERMISSION_DENIED',
      message: `The machine identity may not read secret "${name}" ${where} (${detail}); give the identity a project role that can read secret values there.`,
    });
  }
  if (error.isMissingFolder || error.isMissingSecret) return notFoundError(error, context, where);
  const hint =
    error.errorName === ''
      ? '; the answer is not from Infisical: check that siteUrl points at an Infisical instance'
      : '';
  return new SecretError({
    code: 'PROVIDER_ERROR',
    message: `Infisical at ${config.siteUrl} refused the read of secret "${name}" ${where} (${detail})${hint}.`,
  });
}

function notFoundError(
  error: InfisicalResponseError,
  context: InfisicalErrorContext,
  where: string,
): SecretError {
  const { config } = context;
  const name = context.secretName ?? '';
  return new SecretError({
    code: 'SECRET_NOT_FOUND',
    message: error.isMissingFolder
      ? `Infisical has no folder "${config.secretPath}" in environment "${config.environment}" of project ${config.projectId}, so secret "${name}" cannot be read; check the integration's secretPath (and environment) setting.`
      : `Infisical has no secret "${name}" ${where}; check the reference's path (the secret's key name, case-sensitive) or the integration's secretPath.`,
  });
}

function describeSecret(context: InfisicalErrorContext): string {
  return context.secretName === undefined ? '' : ` of secret "${context.secretName}"`;
}

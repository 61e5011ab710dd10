import {
  classifyNetworkError,
  parseRetryAfter,
  redactText,
  SecretError,
  sanitizeCause,
} from '@fromsecret/core';
import { notFoundError } from './vault-not-found-error';
import { describeOperation, type VaultOperation, type VaultTarget } from './vault-operation';
import { VaultResponseError } from './vault-response-error';

/** What the mapping needs besides the error: where it happened and what to redact. */
export interface VaultErrorContext {
  operation: VaultOperation;
  target: VaultTarget;
  /** Every credential in play (role id, secret id, token): redacted from anything kept. */
  secrets: readonly string[];
  /** The caller's signal: an aborted call is CANCELLED or TIMEOUT, whatever the socket said. */
  signal: AbortSignal;
  now(): number;
}

/** Turns anything a Vault call threw into a `SecretError` with a stable code and a fix. */
export function mapVaultError(error: unknown, context: VaultErrorContext): SecretError {
  if (SecretError.isInstance(error)) return error;
  if (context.signal.aborted) return abortedError(context.signal, describe(context));
  const cause = sanitizeCause(error, context.secrets);
  if (error instanceof VaultResponseError) return responseError(error, context, cause);
  const network = classifyNetworkError(error);
  const { address } = context.target;
  switch (network?.code) {
    case 'UNREACHABLE':
      return new SecretError({
        code: 'UNREACHABLE',
        message: `Cannot reach Vault at ${address} for the ${describe(context)} (${network.systemCode}): check the "address" setting and that Vault is running and reachable from this host.`,
        cause,
      });
    case 'TIMEOUT':
      return new SecretError({
        code: 'TIMEOUT',
        message: `Vault at ${address} did not answer the ${describe(context)} in time (${network.systemCode}): check the network path to Vault and its load.`,
        cause,
      });
    case 'TLS_ERROR':
      return new SecretError({
        code: 'TLS_ERROR',
        message: `Cannot verify the TLS certificate of Vault at ${address} (${network.systemCode}): set "caCert" to the PEM of the CA that signed Vault's certificate, and make "address" use a host name the certificate covers.`,
        cause,
      });
    default:
      return new SecretError({
        code: 'PROVIDER_ERROR',
        message: `The ${describe(context)} at Vault ${address} failed unexpectedly (${cause.name}: ${cause.message}).`,
        cause,
      });
  }
}

/** The error for a call whose signal aborted: the resolver's own reason, TIMEOUT or CANCELLED. */
export function abortedError(signal: AbortSignal, description: string): SecretError {
  const reason: unknown = signal.reason;
  if (SecretError.isInstance(reason)) return reason;
  if ((reason as { name?: unknown } | undefined)?.name === 'TimeoutError') {
    return new SecretError({
      code: 'TIMEOUT',
      message: `The ${description} was stopped because the deadline passed; raise the resolver's timeoutMs or check Vault's latency.`,
    });
  }
  return new SecretError({
    code: 'CANCELLED',
    message: `The ${description} was cancelled by the caller before it completed; nothing was read.`,
  });
}

function responseError(
  error: VaultResponseError,
  context: VaultErrorContext,
  cause: Error,
): SecretError {
  const { status } = error;
  const said = vaultSaid(error, context.secrets);
  const retryAfterMs = parseRetryAfter(error.retryAfter, context.now());
  const base = { cause, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  const where = `Vault at ${context.target.address}`;
  if (status === 429) {
    return new SecretError({
      ...base,
      code: 'RATE_LIMITED',
      retryable: true,
      message: `${where} rate-limited the ${describe(context)} (HTTP 429${said}); lower the resolver's concurrency or raise the rate limit quota.`,
    });
  }
  if (status === 502 || status === 503 || status === 504) {
    const hint =
      status === 503
        ? 'Vault is sealed, in standby without an active node, or overloaded: unseal it or check its health (vault status)'
        : 'a proxy in front of Vault could not reach it: check the proxy and Vault';
    return new SecretError({
      ...base,
      code: 'PROVIDER_ERROR',
      retryable: true,
      message: `${where} could not serve the ${describe(context)} (HTTP ${status}${said}): ${hint}.`,
    });
  }
  return (
    operationError(error, context, said, cause) ??
    new SecretError({
      ...base,
      code: 'PROVIDER_ERROR',
      message: `${where} answered the ${describe(context)} with HTTP ${status}${said}.`,
    })
  );
}

function operationError(
  error: VaultResponseError,
  context: VaultErrorContext,
  said: string,
  cause: Error,
): SecretError | undefined {
  const { operation } = context;
  const where = `Vault at ${context.target.address}`;
  if (operation.kind === 'login' && [400, 401, 403, 404].includes(error.status)) {
    const fix =
      error.status === 404
        ? `no auth method answers at auth/${operation.authPath}: check "authPath" (vault auth list)`
        : 'check "roleId" and "secretId" (a secret ID can expire or run out of uses: vault write -f auth/approle/role/<role>/secret-id), "authPath" and "namespace"';
    return new SecretError({
      code: 'AUTHENTICATION_FAILED',
      message: `${where} rejected the ${describe(context)} (HTTP ${error.status}${said}): ${fix}.`,
      cause,
    });
  }
  if (error.status === 403 && error.invalidToken) {
    return new SecretError({
      code: 'AUTHENTICATION_FAILED',
      message: `${where} rejected a freshly issued token for the ${describe(context)} (HTTP 403${said}): check the AppRole's token_ttl and token_num_uses (vault read auth/approle/role/<role>).`,
      cause,
    });
  }
  if (error.status === 403 && operation.kind === 'read') {
    return new SecretError({
      code: 'PERMISSION_DENIED',
      message: `${where} denied the ${describe(context)} (HTTP 403): the AppRole's policies need the "read" capability on "${operation.policyPath}". Add path "${operation.policyPath}" { capabilities = ["read"] } to a policy attached to the role.`,
      cause,
    });
  }
  if (error.status === 403) {
    return new SecretError({
      code: 'PERMISSION_DENIED',
      message: `${where} denied the ${describe(context)} (HTTP 403${said}): attach the "default" policy to the AppRole (it grants auth/token/lookup-self and revoke-self).`,
      cause,
    });
  }
  if (error.status === 404 && operation.kind === 'read') {
    return notFoundError(error, operation, context.target, cause);
  }
  return undefined;
}

function describe(context: VaultErrorContext): string {
  return describeOperation(context.operation, context.target);
}

/** Vault's own words, redacted and trimmed, as `: "<words>"` for a message. */
function vaultSaid(error: VaultResponseError, secrets: readonly string[]): string {
  const words = error.errors
    .flatMap((entry) =>
      // Vault wraps several errors as "2 errors occurred:\n\t* permission denied\n\t* ...".
      /^\d+ errors? occurred:/.test(entry) ? entry.split(/\n\s*\*\s*/).slice(1) : [entry],
    )
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .join('; ');
  if (words === '') return '';
  const redacted = redactText(words, secrets);
  return `: "${redacted.length > 200 ? `${redacted.slice(0, 200)}...` : redacted}"`;
}

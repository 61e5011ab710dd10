import {
  type NetworkFailure,
  parseRetryAfter,
  redactText,
  SecretError,
  type SecretErrorCode,
  sanitizeCause,
} from '@fromsecret/core';
import type { AzureKeyVaultConfig } from './azure-key-vault-config';
import type { KeyVaultAddress } from './azure-key-vault-reference';
import { classifyTransportFailure } from './classify-transport-failure';
import { describeForbidden } from './describe-forbidden';

/** What {@link mapAzureKeyVaultError} needs besides the error. */
export interface VaultErrorContext {
  config: AzureKeyVaultConfig;
  /** The secret read; absent for the connection test. */
  address?: KeyVaultAddress;
  now: number;
}

/** The parts of an Azure SDK `RestError` this mapping reads. */
interface RestErrorShape {
  statusCode?: number;
  code?: string;
  details?: { error?: { code?: string; innerError?: { code?: string } } };
  response?: { headers?: { get?(name: string): string | undefined } };
}

/**
 * Turns what the Key Vault client threw (an SDK `RestError`, a socket error, a challenge
 * the SDK refused) into a `SecretError` that says what failed and how to fix it.
 */
export function mapAzureKeyVaultError(error: unknown, context: VaultErrorContext): SecretError {
  if (SecretError.isInstance(error)) return error;
  const { config } = context;
  const cause = sanitizeCause(error, [config.clientSecret]);
  // Store text (an inner error code, a message) goes into messages: a store or a proxy that
  // repeats the request must not put the client secret there.
  const build = (code: SecretErrorCode, message: string, extra: object = {}) =>
    new SecretError({ code, message: redactText(message, [config.clientSecret]), cause, ...extra });
  const network = classifyTransportFailure(error);
  if (network !== undefined) return build(network.code, networkMessage(network, config));
  const rest = (typeof error === 'object' && error !== null ? error : {}) as RestErrorShape;
  const status = rest.statusCode;
  const target = describeTarget(context);
  if (status === 401) {
    return build(
      'AUTHENTICATION_FAILED',
      `Azure Key Vault ${config.vaultUrl} rejected the access token for client ${config.clientId} while reading ${target}; check that tenantId ${config.tenantId} is the vault's tenant, and that the host's clock is right`,
    );
  }
  if (status === 403) {
    return build('PERMISSION_DENIED', describeForbidden(innerCode(rest), target, config));
  }
  if (status === 404) return notFound(context, build);
  if (status === 429) {
    return build(
      'RATE_LIMITED',
      `Azure Key Vault ${config.vaultUrl} is throttling requests (HTTP 429) while reading ${target}; the vault allows a limited number of reads per 10 seconds`,
      { retryAfterMs: parseRetryAfter(rest.response?.headers?.get?.('retry-after'), context.now) },
    );
  }
  if (status !== undefined) {
    return build(
      'PROVIDER_ERROR',
      `Azure Key Vault ${config.vaultUrl} answered HTTP ${status}${rest.code ? ` (${rest.code})` : ''} while reading ${target}; ${status >= 500 ? 'retry later, and check https://status.azure.com' : 'check that vaultUrl is the vault URI'}`,
      { retryable: [502, 503, 504].includes(status) },
    );
  }
  return build('PROVIDER_ERROR', unexpectedMessage(error, target, config));
}

function describeTarget(context: VaultErrorContext): string {
  const { address } = context;
  if (address === undefined) return 'a probe secret for the connection test';
  return address.version === undefined
    ? `secret "${address.name}"`
    : `version ${address.version} of secret "${address.name}"`;
}

function innerCode(rest: RestErrorShape): string | undefined {
  return rest.details?.error?.innerError?.code ?? rest.details?.error?.code ?? rest.code;
}

function notFound(
  context: VaultErrorContext,
  build: (code: SecretErrorCode, message: string) => SecretError,
): SecretError {
  const { address, config } = context;
  if (address === undefined) {
    return build(
      'PROVIDER_ERROR',
      `${config.vaultUrl} answered 404 to the connection test without asking for a token or with no Key Vault error; set vaultUrl to the vault URI (https://<name>.vault.azure.net)`,
    );
  }
  if (address.version !== undefined) {
    return build(
      'VERSION_NOT_FOUND',
      `Azure Key Vault ${config.vaultUrl} has no version ${address.version} of secret "${address.name}" (or no such secret); list its versions with az keyvault secret list-versions --vault-name <vault> --name ${address.name}, or use 0 for the latest`,
    );
  }
  return build(
    'SECRET_NOT_FOUND',
    `Azure Key Vault ${config.vaultUrl} has no secret "${address.name}"; check the reference's path (the secret name) and the integration's vaultUrl, or recover it if it was deleted recently`,
  );
}

function networkMessage(network: NetworkFailure, config: AzureKeyVaultConfig): string {
  if (network.code === 'TLS_ERROR') {
    return `the TLS certificate of ${config.vaultUrl} is not trusted (${network.systemCode}); check vaultUrl, and if a proxy intercepts TLS on this host, give Node its CA with NODE_EXTRA_CA_CERTS`;
  }
  if (network.code === 'TIMEOUT') {
    return `Azure Key Vault ${config.vaultUrl} did not answer in time (${network.systemCode}); check the network path from this host`;
  }
  return `cannot reach Azure Key Vault ${config.vaultUrl} (${network.systemCode}); check vaultUrl and that this host can reach it (DNS, firewall, private endpoint)`;
}

function unexpectedMessage(error: unknown, target: string, config: AzureKeyVaultConfig): string {
  const message = error instanceof Error ? error.message : '';
  if (/challenge resource .* does not match the requested domain/.test(message)) {
    return `${config.vaultUrl} asked for a token for another domain while reading ${target}, so no token was sent; set vaultUrl to the vault URI exactly as the portal shows it (https://<name>.vault.azure.net)`;
  }
  return `Azure Key Vault ${config.vaultUrl} gave an answer fromsecret cannot use while reading ${target} (${error instanceof Error ? error.name : typeof error}); check that vaultUrl is the vault URI`;
}

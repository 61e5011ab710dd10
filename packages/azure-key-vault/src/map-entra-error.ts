import {
  type NetworkFailure,
  parseRetryAfter,
  redactText,
  SecretError,
  type SecretErrorCode,
  sanitizeCause,
} from '@fromsecret/core';
import type { AzureKeyVaultConfig } from './azure-key-vault-config';
import { classifyTransportFailure } from './classify-transport-failure';
import type { EntraFailure } from './entra-failure-recorder';

/** What {@link mapEntraError} needs besides the error. */
export interface EntraErrorContext {
  config: AzureKeyVaultConfig;
  /** The failure the pipeline recorded during this token request, if any. */
  failure: EntraFailure | undefined;
  now: number;
}

const sovereignHint =
  'for Azure China set authorityHost to https://login.chinacloudapi.cn, for Azure US Government to https://login.microsoftonline.us';

/**
 * Turns a failed token request (an `@azure/identity` or MSAL error, plus what the pipeline
 * recorded) into a `SecretError` that names the setting to fix.
 */
export function mapEntraError(error: unknown, context: EntraErrorContext): SecretError {
  if (SecretError.isInstance(error)) return error;
  const { config, failure } = context;
  const cause = sanitizeCause(error, [config.clientSecret]);
  const build = (code: SecretErrorCode, message: string, retryAfterMs?: number) =>
    new SecretError({
      code,
      // Entra ID's `error` text goes into messages; one repeated back must not carry the secret.
      message: redactText(message, [config.clientSecret]),
      cause,
      retryable: code === 'RATE_LIMITED' || [502, 503, 504].includes(failure?.status ?? 0),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  const network = classifyTransportFailure(failure?.transportError);
  if (network !== undefined) return build(network.code, transportMessage(network, config));
  if (failure?.unreadable === true) {
    return build(
      'PROVIDER_ERROR',
      `Entra ID at ${config.authorityHost} answered HTTP ${failure.status} with something that is not JSON (a proxy's page?); check authorityHost and any proxy between this host and Entra ID`,
    );
  }
  if (failure?.status === 429) {
    return build(
      'RATE_LIMITED',
      `Entra ID at ${config.authorityHost} is throttling token requests for client ${config.clientId} (HTTP 429); wait and retry`,
      parseRetryAfter(failure.retryAfter, context.now),
    );
  }
  const codes = failure?.codes.length ? failure.codes : codesInMessage(error);
  const credentialMessage = credentialProblem(codes, config);
  if (credentialMessage !== undefined) return build('AUTHENTICATION_FAILED', credentialMessage);
  if (failure?.status !== undefined && failure.status >= 500) {
    return build(
      'PROVIDER_ERROR',
      `Entra ID at ${config.authorityHost} failed to issue a token (HTTP ${failure.status}); retry later, and check https://status.azure.com`,
    );
  }
  const detail = codes.length > 0 ? `AADSTS${codes[0]}` : (failure?.error ?? errorName(error));
  return build(
    'AUTHENTICATION_FAILED',
    `Entra ID at ${config.authorityHost} did not issue a token to client ${config.clientId} in tenant ${config.tenantId} (${detail}); check tenantId, clientId, clientSecret and authorityHost (${sovereignHint})`,
  );
}

function credentialProblem(
  codes: readonly number[],
  config: AzureKeyVaultConfig,
): string | undefined {
  const where = `client ${config.clientId} in tenant ${config.tenantId}`;
  if (codes.includes(7000215)) {
    return `Entra ID rejected clientSecret for ${where} (AADSTS7000215: invalid client secret); set clientSecret to the secret's Value (not its Secret ID), or create a new secret under Certificates & secrets on the app registration`;
  }
  if (codes.includes(7000222)) {
    return `clientSecret of ${where} has expired (AADSTS7000222); create a new secret under Certificates & secrets on the app registration and update clientSecret`;
  }
  if (codes.includes(700016)) {
    return `Entra ID has no application with clientId ${config.clientId} in tenant ${config.tenantId} (AADSTS700016); set clientId to the app registration's Application (client) ID (not its Object ID), and check that tenantId is the app's tenant`;
  }
  if (codes.includes(90002) || codes.includes(900023)) {
    return `Entra ID at ${config.authorityHost} has no tenant ${config.tenantId} (AADSTS${codes.includes(90002) ? 90002 : 900023}); set tenantId to the Directory (tenant) ID (not a subscription ID), and ${sovereignHint}`;
  }
  return undefined;
}

function transportMessage(network: NetworkFailure, config: AzureKeyVaultConfig): string {
  if (network.code === 'TLS_ERROR') {
    return `the TLS certificate of Entra ID at ${config.authorityHost} is not trusted (${network.systemCode}); check authorityHost, and if a proxy intercepts TLS on this host, give Node its CA with NODE_EXTRA_CA_CERTS`;
  }
  if (network.code === 'TIMEOUT') {
    return `Entra ID at ${config.authorityHost} did not answer in time (${network.systemCode}); check the network path to it from this host`;
  }
  return `cannot reach Entra ID at ${config.authorityHost} (${network.systemCode}); check authorityHost and that this host can reach it (DNS, firewall, proxy)`;
}

function codesInMessage(error: unknown): number[] {
  const message = error instanceof Error ? error.message : String(error);
  return [...message.matchAll(/AADSTS(\d+)/g)].map((match) => Number(match[1]));
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}

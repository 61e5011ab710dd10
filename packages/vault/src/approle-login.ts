import { encodeSecretPath, type ProviderContext, SecretError } from '@fromsecret/core';
import { mapVaultError } from './map-vault-error';
import type { VaultClient } from './vault-client';
import type { VaultConfig } from './vault-config';
import { describeOperation, type VaultOperation, vaultTarget } from './vault-operation';

/** A token from an AppRole login, and when to stop using it. */
export interface IssuedToken {
  token: string;
  /** Shortly before its lease ends; `Infinity` for a token without a lease. */
  refreshAt: number;
}

/** What a login or a revocation needs: the client, the settings and the host's context. */
export interface AppRoleContext {
  client: VaultClient;
  config: VaultConfig;
  context: ProviderContext;
}

/** The longest a token is given up before its lease ends. */
const MAXIMUM_REFRESH_MARGIN_MS = 30_000;

/**
 * `POST auth/<authPath>/login` with the role ID and secret ID. The token is used until
 * `lease - min(30 s, lease / 10)` after the request was sent, so that it never expires in
 * the middle of a resolution that started just before.
 */
export async function loginWithAppRole(
  { client, config, context }: AppRoleContext,
  signal: AbortSignal,
): Promise<IssuedToken> {
  const operation: VaultOperation = { kind: 'login', authPath: config.authPath };
  if (config.skipTlsVerify) {
    context.logger.warn(
      'Vault TLS certificate verification is off (skipTlsVerify): anyone on the network path can impersonate Vault. Set caCert instead.',
      { address: config.address },
    );
  }
  context.logger.debug('Vault AppRole login', logFields(config));
  const startedAt = context.now();
  let body: unknown;
  try {
    body = await client.write(
      `auth/${encodeSecretPath(config.authPath)}/login`,
      { role_id: config.roleId, secret_id: config.secretId },
      undefined,
      signal,
    );
  } catch (error) {
    throw mapVaultError(error, {
      operation,
      target: vaultTarget(config),
      secrets: [config.roleId, config.secretId],
      signal,
      now: context.now,
    });
  }
  return issuedToken(body, startedAt, config);
}

/**
 * `POST auth/token/revoke-self`. Never throws: a failure is logged as a warning, because
 * closing must not fail a shutdown and the token still expires with its TTL.
 */
export async function revokeToken(
  { client, config, context }: AppRoleContext,
  token: string,
): Promise<void> {
  const signal = new AbortController().signal;
  try {
    await client.write('auth/token/revoke-self', {}, token, signal);
    context.logger.debug('Vault token revoked', logFields(config));
  } catch (error) {
    const mapped = mapVaultError(error, {
      operation: { kind: 'revoke-self' },
      target: vaultTarget(config),
      secrets: [config.roleId, config.secretId, token],
      signal,
      now: context.now,
    });
    context.logger.warn('Vault token could not be revoked; it expires with its TTL', {
      ...logFields(config),
      code: mapped.code,
      error: mapped.message,
    });
  }
}

function issuedToken(body: unknown, startedAt: number, config: VaultConfig): IssuedToken {
  const auth = (body as { auth?: { client_token?: unknown; lease_duration?: unknown } })?.auth;
  const token = auth?.client_token;
  const leaseSeconds = auth?.lease_duration;
  if (typeof token !== 'string' || token === '' || typeof leaseSeconds !== 'number') {
    const operation: VaultOperation = { kind: 'login', authPath: config.authPath };
    throw new SecretError({
      code: 'PROVIDER_ERROR',
      message: `Vault at ${config.address} answered the ${describeOperation(operation, vaultTarget(config))} without auth.client_token and auth.lease_duration: check that "address" points at Vault and "authPath" at an AppRole auth method.`,
    });
  }
  if (leaseSeconds <= 0) return { token, refreshAt: Number.POSITIVE_INFINITY };
  const leaseMs = leaseSeconds * 1000;
  return {
    token,
    refreshAt: startedAt + leaseMs - Math.min(MAXIMUM_REFRESH_MARGIN_MS, leaseMs / 10),
  };
}

function logFields(config: VaultConfig): Record<string, string> {
  return {
    address: config.address,
    authPath: config.authPath,
    ...(config.namespace === undefined ? {} : { namespace: config.namespace }),
  };
}

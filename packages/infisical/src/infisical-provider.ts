import {
  type CallOptions,
  type ProviderContext,
  type ProviderReference,
  type ReadRequest,
  type SecretData,
  SecretError,
  type SecretProvider,
} from '@fromsecret/core';
import { AccessTokenCache } from './access-token-cache';
import type {
  InfisicalClient,
  InfisicalSecret,
  IssuedAccessToken,
  SecretLocation,
} from './infisical-client';
import type { InfisicalConfig } from './infisical-config';
import {
  checkSecretName,
  infisicalVersion,
  validateInfisicalReference,
} from './infisical-reference';
import { InfisicalResponseError } from './infisical-response-error';
import { type InfisicalErrorContext, mapInfisicalError } from './map-infisical-error';

/** How long `close()` waits for Infisical to revoke the token. */
const revocationTimeoutMs = 5_000;
/** How many recent access tokens are kept for redaction. */
const rememberedTokens = 4;

/**
 * The Infisical provider for one integration: Universal Auth, one shared access token, and
 * single-secret reads, failing fast (no retry here: the resolver owns the retry policy).
 */
export class InfisicalSecretProvider implements SecretProvider {
  private readonly tokens: AccessTokenCache;
  private readonly recentTokens: string[] = [];

  constructor(
    private readonly config: InfisicalConfig,
    private readonly context: ProviderContext,
    private readonly client: InfisicalClient,
  ) {
    this.tokens = new AccessTokenCache((signal) => this.login(signal), context.now);
  }

  validateReference(reference: ProviderReference): void {
    validateInfisicalReference(reference);
  }

  /** A Universal Auth login (always a new one); reads no secret. */
  async testConnection(options: CallOptions): Promise<void> {
    try {
      await this.tokens.refresh(options.signal);
    } catch (error) {
      throw this.mapError(error, 'login', undefined, options.signal);
    }
  }

  async read(request: ReadRequest, options: CallOptions): Promise<SecretData> {
    const version = infisicalVersion(request.version);
    checkSecretName(request.path);
    const location: SecretLocation = {
      projectId: this.config.projectId,
      environment: this.config.environment,
      secretPath: this.config.secretPath,
      secretName: request.path,
      ...(version === undefined ? {} : { version }),
    };
    try {
      const secret = await this.readWithToken(location, options.signal);
      return { values: { value: secret.value }, version: String(secret.version) };
    } catch (error) {
      if (
        version !== undefined &&
        error instanceof InfisicalResponseError &&
        error.isMissingSecret
      ) {
        throw await this.missingVersionError(location, version, options.signal);
      }
      throw this.mapError(error, 'read', request.path, options.signal);
    }
  }

  /** Revokes the access token (Infisical can), then drops connections. Idempotent. */
  async close(): Promise<void> {
    const token = this.tokens.take();
    try {
      if (token !== undefined) await this.revoke(token);
    } finally {
      this.client.close();
    }
  }

  private async login(signal: AbortSignal): Promise<IssuedAccessToken> {
    const { clientId, clientSecret } = this.config;
    try {
      const issued = await this.client.login({ clientId, clientSecret }, signal);
      this.remember(issued.accessToken);
      this.context.logger.debug('Infisical Universal Auth login succeeded', {
        siteUrl: this.config.siteUrl,
        expiresInSeconds: issued.expiresInSeconds,
      });
      return issued;
    } catch (error) {
      throw this.mapError(error, 'login', undefined, signal);
    }
  }

  /** One read; a token Infisical rejects (expired, revoked) gets one new login and one retry. */
  private async readWithToken(
    location: SecretLocation,
    signal: AbortSignal,
  ): Promise<InfisicalSecret> {
    const token = await this.tokens.get(signal);
    try {
      return await this.client.getSecret(token, location, signal);
    } catch (error) {
      if (!(error instanceof InfisicalResponseError && error.rejectsToken)) throw error;
      this.context.logger.debug('Infisical rejected the access token; logging in again', {
        siteUrl: this.config.siteUrl,
        status: error.status,
      });
      this.tokens.invalidate(token);
      return await this.client.getSecret(await this.tokens.get(signal), location, signal);
    }
  }

  /** Infisical answers a missing version like a missing secret: ask for the latest to tell. */
  private async missingVersionError(
    location: SecretLocation,
    version: number,
    signal: AbortSignal,
  ): Promise<SecretError> {
    let latest: InfisicalSecret;
    try {
      latest = await this.readWithToken({ ...location, version: undefined }, signal);
    } catch (error) {
      return this.mapError(error, 'read', location.secretName, signal);
    }
    return new SecretError({
      code: 'VERSION_NOT_FOUND',
      message:
        `Infisical secret "${location.secretName}" in project ${location.projectId}, environment ` +
        `"${location.environment}", path "${location.secretPath}" has no version ${version} ` +
        `(its latest is ${latest.version}); pin an existing version, or use 0 or no version ` +
        'for the latest.',
    });
  }

  private async revoke(token: string): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new DOMException('The revocation timed out', 'TimeoutError'));
    }, revocationTimeoutMs);
    try {
      await this.client.revoke(token, controller.signal);
      this.context.logger.debug('Infisical access token revoked', { siteUrl: this.config.siteUrl });
    } catch (error) {
      // Closing must not fail a host's shutdown: the token still expires by itself, so the
      // failure is reported to the host's logger instead of thrown.
      const mapped = this.mapError(error, 'revoke', undefined, controller.signal);
      this.context.logger.warn(
        `Could not revoke the Infisical access token on close: ${mapped.message}`,
        {
          code: mapped.code,
        },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  private remember(token: string): void {
    this.recentTokens.push(token);
    if (this.recentTokens.length > rememberedTokens) this.recentTokens.shift();
  }

  private mapError(
    error: unknown,
    operation: InfisicalErrorContext['operation'],
    secretName: string | undefined,
    signal: AbortSignal,
  ): SecretError {
    const context: InfisicalErrorContext = {
      operation,
      config: this.config,
      secrets: [this.config.clientId, this.config.clientSecret, ...this.recentTokens],
      now: this.context.now(),
      ...(secretName === undefined ? {} : { secretName }),
    };
    return mapInfisicalError(error, context, signal);
  }
}

import { createSharedLogin, type SharedLogin } from '@fromsecret/core';
import type { AccessTokenLike, VaultTokenSource } from './vault-token-source';

/** Renew this long before a token expires, as MSAL does, so that renewing gets a new token. */
const renewalMarginMs = 5 * 60_000;

interface HeaderBag {
  has(name: string): boolean;
  set(name: string, value: string): void;
}

/**
 * Authorizes a secret client's requests from the first one on, for a vault whose token scope
 * is known from its URL (see `knownVaultScope`). Without it, Key Vault's SDK sends a fresh
 * client's first request without a token to learn the scope from the 401 challenge. Here the
 * reads of a fresh client wait for one token request, shared by all of them, and then leave
 * together with the token.
 *
 * The SDK's challenge handling stays in place behind it: a vault that answers 401 anyway (a
 * token of another tenant, an expired one) is challenged and retried as before.
 */
export class PreAuthorization {
  private held: AccessTokenLike | undefined;
  private readonly tokenRequest: SharedLogin<AccessTokenLike>;

  constructor(
    private readonly scope: string,
    private readonly tokens: Pick<VaultTokenSource, 'requestToken'>,
  ) {
    this.tokenRequest = createSharedLogin((signal) => this.requestToken(signal));
  }

  /**
   * A pipeline policy (position `perRetry`, after the SDK's own authentication policy) that
   * sends the held token with every request the SDK left without one.
   */
  readonly policy = {
    name: 'fromsecretPreAuthorization',
    sendRequest: <Request extends { headers: HeaderBag }, Response>(
      request: Request,
      next: (request: Request) => Promise<Response>,
    ): Promise<Response> => {
      const held = this.held;
      if (held !== undefined && !request.headers.has('authorization')) {
        request.headers.set('authorization', `Bearer ${held.token}`);
      }
      return next(request);
    },
  };

  /** Runs `operation` once a token that is not due for renewal is held. */
  async run<T>(operation: () => Promise<T>, signal: AbortSignal): Promise<T> {
    const held = this.held;
    if (held === undefined || Date.now() >= renewAt(held)) {
      await this.tokenRequest.join(signal);
    }
    return operation();
  }

  private async requestToken(signal: AbortSignal): Promise<AccessTokenLike> {
    // As the SDK's challenge handling asks, so that both find the token in MSAL's cache.
    const token = await this.tokens.requestToken(this.scope, {
      abortSignal: signal,
      enableCae: true,
    });
    this.held = token;
    return token;
  }
}

/** When to ask for a new token: MSAL's hint when it gave one, else shortly before expiry. */
function renewAt(token: AccessTokenLike): number {
  return token.refreshAfterTimestamp ?? token.expiresOnTimestamp - renewalMarginMs;
}

/**
 * Vault answered with a status other than 200 or 204. Holds what the mapping to a
 * `SecretError` needs and nothing that could carry a credential: no request, no headers.
 */
export class VaultResponseError extends Error {
  override readonly name = 'VaultResponseError';

  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** Vault's `errors` list (often empty, as on a plain 404). */
    readonly errors: readonly string[],
    /** The response body, parsed (a 404 for a deleted KV v2 version still has `data.metadata`). */
    readonly body: unknown,
    /** The `Retry-After` header, when the server sent one. */
    readonly retryAfter: string | undefined,
  ) {
    super(errors.length > 0 ? errors.join('; ') : `HTTP ${status}`);
  }

  /** Vault's words for a token that was revoked, expired or never existed. */
  get invalidToken(): boolean {
    return this.status === 403 && this.errors.some((error) => /invalid token/i.test(error));
  }
}

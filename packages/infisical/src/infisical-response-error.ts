/**
 * An answer from Infisical that is not the success the client asked for: a non-2xx status
 * with Infisical's error body (`{reqId, statusCode, message, error}`), or a 2xx body that
 * makes no sense. It holds no request, no header and no credential: only what the error
 * mapping needs. Never leaves the package (it is mapped to a `SecretError`).
 */
export class InfisicalResponseError extends Error {
  override readonly name = 'InfisicalResponseError';

  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** Infisical's error name (`TokenError`, `PermissionDenied`, `NotFound`, ...), or ''. */
    readonly errorName: string,
    /** Infisical's own message, or a description of what was wrong with the body. */
    readonly serverMessage: string,
    /** The `Retry-After` header, when the answer had one. */
    readonly retryAfter?: string,
  ) {
    super(`Infisical answered ${status}${errorName === '' ? '' : ` ${errorName}`}`);
  }

  /** True when Infisical rejected the access token itself (expired, revoked or unknown). */
  get rejectsToken(): boolean {
    return this.status === 401 || (this.status === 403 && this.errorName === 'TokenError');
  }

  /** True for the 404 Infisical gives when the environment or folder does not exist. */
  get isMissingFolder(): boolean {
    return this.status === 404 && /^Folder with path /.test(this.serverMessage);
  }

  /**
   * True for the 404 Infisical gives for a missing secret, or a missing version of one (the
   * API does not tell the two apart). A 404 from something that is not Infisical (a proxy, a
   * wrong `siteUrl`) is neither this nor a missing folder.
   */
  get isMissingSecret(): boolean {
    return (
      this.status === 404 &&
      (this.errorName === 'NotFound' || /^Secret with name /.test(this.serverMessage))
    );
  }
}

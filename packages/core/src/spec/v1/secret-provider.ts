/** Options for every call that may do I/O. */
export interface CallOptions {
  /** Aborted when the caller cancels or the resolution's deadline passes. */
  signal: AbortSignal;
}

/** What a reference asks a provider for, as passed to `validateReference`. */
export interface ProviderReference {
  path: string;
  key: string;
  version?: number | string;
}

/** One read: every key at `path`, at `version` (absent or 0: the latest). */
export interface ReadRequest {
  path: string;
  version?: number | string;
}

/**
 * Every key stored at one path. Single-valued stores (Azure Key Vault, Infisical) return
 * `{ value }`.
 */
export interface SecretData {
  /** Key to value, exactly the bytes the store holds. */
  values: Readonly<Record<string, string>>;
  /** The version that was read, when the store reports one. */
  version?: string;
}

/** A connected instance of a provider for one integration. */
export interface SecretProvider {
  /**
   * Checks a reference without I/O while the resolver plans. Throws `INVALID_REFERENCE`
   * for a reference this store can never satisfy (a key other than `value` on a
   * single-valued store, a version form it cannot use).
   */
  validateReference?(reference: ProviderReference): void;
  /** Authenticates and reaches the store; reads no secret. Throws a `SecretError`. */
  testConnection(options: CallOptions): Promise<void>;
  /** Reads every key at a path. Throws only `SecretError`s. */
  read(request: ReadRequest, options: CallOptions): Promise<SecretData>;
  /** Releases clients and revokes tokens where the store can. Idempotent. */
  close(): Promise<void>;
}

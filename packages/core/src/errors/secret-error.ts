import type { ReferenceLocation } from '../reference/secret-reference';
import type { SecretErrorCode } from './secret-error-code';

const marker = Symbol.for('fromsecret.error');

/** The integration an error concerns, as far as it is known. */
export interface IntegrationDescriptor {
  id?: number;
  name?: string;
  type?: string;
}

/** The external reference an error concerns. */
export interface ReferenceDescriptor {
  integration: number | string;
  path: string;
  key: string;
  version?: number | string;
}

/** Options of the {@link SecretError} constructor. */
export interface SecretErrorOptions {
  code: SecretErrorCode;
  /** What failed, where, and how to fix it. Never a secret value or a credential. */
  message: string;
  /** Whether trying again may succeed (429, 502, 503, 504). @default false (true for RATE_LIMITED) */
  retryable?: boolean;
  /** How long the store asked us to wait (`Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  integration?: IntegrationDescriptor;
  reference?: ReferenceDescriptor;
  location?: ReferenceLocation;
  /** The underlying error, already sanitized (see `sanitizeCause`). Left out of `toJSON()`. */
  cause?: unknown;
  /** The individual failures of a `RESOLUTION_FAILED` error. */
  errors?: readonly SecretError[];
  /** The individual problems of an `INVALID_CONFIG` error. */
  issues?: readonly string[];
}

/** The JSON form of a {@link SecretError}: no `cause`, no stack. */
export interface SecretErrorJSON {
  name: 'SecretError';
  code: SecretErrorCode;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  integration?: IntegrationDescriptor;
  reference?: ReferenceDescriptor;
  location?: ReferenceLocation;
  issues?: readonly string[];
  errors?: SecretErrorJSON[];
}

/**
 * The only error fromsecret throws. Branch on `code`; recognise it with
 * {@link SecretError.isInstance}, which works across duplicated package copies where
 * `instanceof` does not.
 */
export class SecretError extends Error {
  override readonly name = 'SecretError';
  /** Stable code, see {@link SecretErrorCode}. */
  readonly code: SecretErrorCode;
  /** Whether trying again may succeed. */
  readonly retryable: boolean;
  /** How long the store asked to wait before trying again. */
  readonly retryAfterMs?: number;
  /** The integration concerned, when known. */
  readonly integration?: IntegrationDescriptor;
  /** The reference concerned, when known. */
  readonly reference?: ReferenceDescriptor;
  /** Where the reference stands in the pipeline, when known. */
  readonly location?: ReferenceLocation;
  /** Each failure, on `RESOLUTION_FAILED`. */
  readonly errors?: readonly SecretError[];
  /** Each problem, on `INVALID_CONFIG`. */
  readonly issues?: readonly string[];

  constructor(options: SecretErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, marker, { value: true, enumerable: false });
    this.code = options.code;
    this.retryable = options.retryable ?? options.code === 'RATE_LIMITED';
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.integration !== undefined) this.integration = options.integration;
    if (options.reference !== undefined) this.reference = options.reference;
    if (options.location !== undefined) this.location = options.location;
    if (options.errors !== undefined) this.errors = options.errors;
    if (options.issues !== undefined) this.issues = options.issues;
  }

  /** True for any `SecretError`, from this copy of the package or another. */
  static isInstance(error: unknown): error is SecretError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[marker] === true
    );
  }

  /** A copy with more context (integration, reference, location), keeping code and cause. */
  with(context: Pick<SecretErrorOptions, 'integration' | 'reference' | 'location'>): SecretError {
    return new SecretError({ ...this.toOptions(), ...context });
  }

  /** The options that would rebuild this error. */
  toOptions(): SecretErrorOptions {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      integration: this.integration,
      reference: this.reference,
      location: this.location,
      cause: this.cause,
      errors: this.errors,
      issues: this.issues,
    };
  }

  /** A JSON form for APIs and logs; leaves out `cause` and the stack. */
  toJSON(): SecretErrorJSON {
    const json: SecretErrorJSON = {
      name: 'SecretError',
      code: this.code,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.retryAfterMs !== undefined) json.retryAfterMs = this.retryAfterMs;
    if (this.integration !== undefined) json.integration = { ...this.integration };
    if (this.reference !== undefined) json.reference = { ...this.reference };
    if (this.location !== undefined) json.location = { ...this.location };
    if (this.issues !== undefined) json.issues = [...this.issues];
    if (this.errors !== undefined) json.errors = this.errors.map((error) => error.toJSON());
    return json;
  }
}

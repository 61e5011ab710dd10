/** Every code a {@link CliError} can carry. Stable: scripts may branch on them in `--json` output. */
export const CLI_ERROR_CODES = [
  'USAGE',
  'FILE_NOT_READABLE',
  'FILE_TOO_LARGE',
  'INVALID_YAML',
  'INVALID_INTEGRATIONS_FILE',
  'INVALID_SECRETS_FILE',
  'ENVIRONMENT_VARIABLE_NOT_SET',
  'UNSUPPORTED_ENVIRONMENT_OUTPUT',
] as const;

/** A stable code of a problem the command line itself found (not the library). */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

/** The codes that mean the command was called wrongly: they exit with status 2. */
const USAGE_CODES: ReadonlySet<CliErrorCode> = new Set(['USAGE', 'FILE_NOT_READABLE']);

/** The JSON form of a {@link CliError}, shaped like `SecretError.toJSON()`. */
export interface CliErrorJSON {
  name: 'CliError';
  code: CliErrorCode;
  message: string;
  retryable: false;
}

/**
 * A problem with how the command was called or with one of its input files: an unknown flag,
 * a missing file, YAML that does not parse, an unknown key in the integrations file. Problems
 * with references, integrations and stores are `SecretError`s from `@fromsecret/core`.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  /** Stable code, see {@link CLI_ERROR_CODES}. */
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  /** Whether the command was called wrongly (exit status 2) rather than failing (1). */
  get isUsage(): boolean {
    return USAGE_CODES.has(this.code);
  }

  /** A JSON form for `--json` output. */
  toJSON(): CliErrorJSON {
    return { name: 'CliError', code: this.code, message: this.message, retryable: false };
  }
}

/** True for a {@link CliError}. */
export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}

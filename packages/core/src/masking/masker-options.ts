import { SecretError } from '../errors/secret-error';

/** Options of {@link createMasker}. */
export interface MaskerOptions {
  /**
   * Values shorter than this many characters are not masked (they would mangle ordinary
   * text) but counted in `tooShort`, so the host can warn about them. At least 1.
   * @default 4
   */
  minLength?: number;
}

/** The default of {@link MaskerOptions.minLength}. */
export const DEFAULT_MASK_MIN_LENGTH = 4;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Checks what a host passed to `createMasker` and returns the minimum length. Every problem
 * is listed at once; a problem names the position of a value, never the value itself.
 */
export function validateMaskerInput(values: unknown, options: MaskerOptions | undefined): number {
  const issues: string[] = [];
  if (!Array.isArray(values)) {
    issues.push(`values must be an array of strings, got ${describeType(values)}`);
  } else {
    values.forEach((value: unknown, position) => {
      if (typeof value !== 'string') {
        issues.push(`values[${position}] must be a string, got ${describeType(value)}`);
      }
    });
  }
  const minLength = options?.minLength ?? DEFAULT_MASK_MIN_LENGTH;
  if (!Number.isSafeInteger(minLength) || minLength < 1) {
    issues.push(`minLength must be an integer of at least 1, got ${String(minLength)}`);
  }
  if (issues.length > 0) {
    throw new SecretError({
      code: 'INVALID_CONFIG',
      message: `createMasker was called with invalid input (${issues.join('; ')}); pass the secret values as an array of strings and leave minLength unset or give a positive integer`,
      issues,
    });
  }
  return minLength;
}

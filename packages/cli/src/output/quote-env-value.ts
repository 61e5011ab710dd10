/** A value quoted for an env file, and whether dotenv readers read it back exactly. */
export interface QuotedEnvValue {
  /** The quoted text, to follow `NAME=`. */
  text: string;
  /**
   * Whether a dotenv reader (Node's `--env-file` and `util.parseEnv`, the `dotenv` package)
   * reads `text` back as the exact value. A POSIX shell always does.
   */
  dotenvExact: boolean;
}

/** Characters a shell interprets inside double quotes. */
const SPECIAL_IN_DOUBLE_QUOTES = /["$`\\]/;

/**
 * Quotes a value so that `source` in a POSIX shell gets it back exactly, and so that a dotenv
 * reader does too whenever its syntax can carry the value. Neither reader expands anything
 * inside single quotes, and both keep newlines there, so single quotes are used whenever the
 * value has no `'`. A value with `'` but nothing a shell expands in double quotes goes in
 * double quotes (dotenv readers only turn `\n` into a newline there, and such a value has no
 * backslash). Otherwise the shell's `'\''` form is used: exact for a shell, but no dotenv
 * syntax can hold that value, so `dotenvExact` is false. Dotenv readers also drop carriage
 * returns.
 */
export function quoteEnvValue(value: string): QuotedEnvValue {
  const keepsCarriageReturns = !value.includes('\r');
  if (!value.includes("'")) return { text: `'${value}'`, dotenvExact: keepsCarriageReturns };
  if (!SPECIAL_IN_DOUBLE_QUOTES.test(value)) {
    return { text: `"${value}"`, dotenvExact: keepsCarriageReturns };
  }
  return { text: `'${value.replaceAll("'", "'\\''")}'`, dotenvExact: false };
}

/**
 * Structured logger handed to providers and the resolver. Fields must never carry a secret
 * value or a credential; the resolver's own log lines hold names, ids and counts only.
 */
export interface Logger {
  /** Detail for debugging an integration (requests made, tokens renewed). */
  debug(message: string, fields?: object): void;
  /** Normal operation worth recording. */
  info(message: string, fields?: object): void;
  /** Something works but is unsafe or unusual (for example `skipTlsVerify`). */
  warn(message: string, fields?: object): void;
  /** A failure the host should see. */
  error(message: string, fields?: object): void;
}

/** A logger that drops everything: the default when the host passes none. */
export const silentLogger: Logger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
});

/** The kinds of value a provider setting can hold; they drive forms and validation. */
export type ConfigFieldKind = 'string' | 'url' | 'boolean' | 'integer' | 'pem' | 'select';

/**
 * One setting of a provider. The list of fields drives forms, JSON output and redaction:
 * a `secret: true` field is write-only and never returned by any API, log or error.
 */
export interface ConfigField {
  /** The key in the integration's `config` object, for example `roleId`. */
  name: string;
  /** A human label for forms, for example `Role ID`. */
  label: string;
  /** One sentence on what the setting does. */
  description?: string;
  /** Whether the setting must be given (a field with a `default` is never required). */
  required: boolean;
  /** Write-only: never shown, logged or returned. */
  secret: boolean;
  /** The value's kind. */
  kind: ConfigFieldKind;
  /** The allowed values of a `select` field. */
  options?: readonly string[];
  /** The value used when the setting is absent. */
  default?: unknown;
}

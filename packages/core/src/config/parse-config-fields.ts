import type { ConfigField } from '../spec/v1/config-field';
import { closestMatch } from '../suggest/closest-match';

/** The outcome of checking settings against a provider's fields. */
export interface ConfigFieldsResult {
  /** Known settings with defaults applied; integers and booleans given as text converted. */
  values: Record<string, unknown>;
  /** Every problem found, each naming the setting and how to fix it. Never a value. */
  issues: string[];
}

/**
 * Checks `input` against `fields`: unknown settings (with the nearest valid name), missing
 * required ones, and each value's kind. It collects every issue instead of stopping at the
 * first, so that a provider's `parseConfig` can add its own checks and throw one
 * `INVALID_CONFIG` error (see {@link invalidConfigError}). No value is ever quoted in an issue.
 */
export function parseConfigFields(
  fields: readonly ConfigField[],
  input: unknown,
): ConfigFieldsResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { values: {}, issues: ['settings must be an object of name: value pairs'] };
  }
  const source = input as Record<string, unknown>;
  const names = fields.map((field) => field.name);
  const issues: string[] = [];
  for (const key of Object.keys(source)) {
    if (names.includes(key)) continue;
    const suggestion = closestMatch(key, names);
    issues.push(
      suggestion === undefined
        ? `unknown setting "${key}"; valid settings are ${names.join(', ')}`
        : `unknown setting "${key}"; did you mean "${suggestion}"?`,
    );
  }
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = Object.hasOwn(source, field.name) ? source[field.name] : undefined;
    if (raw === undefined || raw === null || raw === '') {
      if (field.default !== undefined) values[field.name] = field.default;
      else if (field.required) issues.push(`"${field.name}" is required: ${describe(field)}`);
      continue;
    }
    const checked = checkKind(field, raw);
    if (typeof checked === 'string') issues.push(`"${field.name}" ${checked}`);
    else values[field.name] = checked.value;
  }
  return { values, issues };
}

function describe(field: ConfigField): string {
  return field.description ?? field.label;
}

function checkKind(field: ConfigField, raw: unknown): { value: unknown } | string {
  switch (field.kind) {
    case 'boolean':
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
      return 'must be true or false';
    case 'integer': {
      const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
      return Number.isSafeInteger(value) ? { value } : 'must be a whole number';
    }
    case 'select':
      return field.options?.includes(String(raw))
        ? { value: raw }
        : `must be one of ${(field.options ?? []).join(', ')}`;
    default:
      return checkText(field, raw);
  }
}

function checkText(field: ConfigField, raw: unknown): { value: unknown } | string {
  if (typeof raw !== 'string') return 'must be a string';
  if (field.kind !== 'pem' && raw.trim() !== raw) {
    return 'has leading or trailing whitespace; remove it (a copy-paste slip?)';
  }
  if (field.kind === 'url') {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'must be an absolute URL such as https://host:port';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return 'must be an http or https URL';
  }
  if (field.kind === 'pem' && !isCertificateBundle(raw)) {
    return 'must be one or more PEM certificates (-----BEGIN CERTIFICATE----- ...)';
  }
  return { value: raw };
}

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function isCertificateBundle(text: string): boolean {
  const blocks = text.match(pemBlock);
  if (blocks === null) return false;
  // Loaded here, not with the package: node:crypto takes longer to load than all of core.
  const { X509Certificate } = process.getBuiltinModule('node:crypto');
  try {
    for (const block of blocks) new X509Certificate(block);
    return true;
  } catch {
    return false;
  }
}

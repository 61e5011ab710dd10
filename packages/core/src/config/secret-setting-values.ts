import type { ConfigField } from '../spec/v1/config-field';

/**
 * The values of a config's `secret: true` settings, for redaction. Reads a config without
 * trusting its shape: anything that is not a string is skipped.
 */
export function secretSettingValues(fields: readonly ConfigField[], config: unknown): string[] {
  if (typeof config !== 'object' || config === null) return [];
  const values: string[] = [];
  for (const field of fields) {
    if (!field.secret) continue;
    const value = (config as Record<string, unknown>)[field.name];
    if (typeof value === 'string' && value.length > 0) values.push(value);
  }
  return values;
}

/** A copy of a config with every `secret: true` setting replaced by `"********"`. */
export function redactConfig(
  fields: readonly ConfigField[],
  config: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...config };
  for (const field of fields) {
    if (field.secret && copy[field.name] !== undefined) copy[field.name] = '********';
  }
  return copy;
}

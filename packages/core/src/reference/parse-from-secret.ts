import { closestMatch } from '../suggest/closest-match';
import { describeValueType, isPlainObject } from './classify-value';
import { invalidReferenceError } from './invalid-reference-error';
import { secretPathProblems } from './secret-path-problems';
import type { ExternalReference, SecretReference } from './secret-reference';
import { textProblems } from './text-problems';

const FIELDS: readonly string[] = ['integration', 'path', 'key', 'version'];
const LONGEST_FIELD_SHOWN = 64;
const NO_SUGGESTIONS: readonly string[] = Object.freeze([]);

/** A `from_secret` value read without throwing: the reference, or every problem with it. */
export type FromSecretReading =
  | { reference: SecretReference; problems?: undefined }
  | { reference?: undefined; problems: readonly string[] };

/**
 * Parses the value of a `from_secret` key (design §1).
 *
 * - A string is the name of a secret in the CI server's own store: `{ kind: 'internal', name }`.
 * - A map of exactly `integration`, `path`, `key` and an optional `version` is a secret in an
 *   external store: `{ kind: 'external', integration, path, key, version? }`. A positive whole
 *   number `integration` is an id, a string is a name (`"1"` is a name). An absent `version`
 *   stays absent; `0` stays `0` (the latest version).
 *
 * Only own properties are read; the input is never modified.
 *
 * @throws SecretError `INVALID_REFERENCE` listing every problem of the value at once (an
 *   unknown field comes with the nearest valid name), each with how to fix it.
 */
export function parseFromSecret(value: unknown): SecretReference {
  const reading = readFromSecret(value);
  if (reading.problems !== undefined) throw invalidReferenceError(reading.problems);
  return reading.reference;
}

/** {@link parseFromSecret} without the throw, for callers that collect every problem. */
export function readFromSecret(value: unknown): FromSecretReading {
  if (typeof value === 'string') {
    const problems = textProblems('from_secret', value);
    return problems.length > 0 ? { problems } : { reference: { kind: 'internal', name: value } };
  }
  if (isPlainObject(value)) return readExternal(value);
  return { problems: [wrongShape(value)] };
}

function readExternal(source: Record<string, unknown>): FromSecretReading {
  const problems: string[] = [];
  const collected: Collected = { problems, suggested: unknownFields(source, problems) };
  const integration = readIntegration(source, collected);
  const path = readText(source, 'path', collected);
  const key = readText(source, 'key', collected);
  const version = readVersion(source, problems);
  if (problems.length > 0) return { problems };
  const reference: ExternalReference = {
    kind: 'external',
    integration: integration!,
    path: path!,
    key: key!,
  };
  if (version !== undefined) reference.version = version;
  return { reference };
}

/** Problems found so far, and the fields suggested for unknown ones. */
interface Collected {
  problems: string[];
  suggested: readonly string[];
}

/** Reports each unknown field with the nearest valid one; returns the fields suggested. */
function unknownFields(source: Record<string, unknown>, problems: string[]): readonly string[] {
  // Made only when needed: a valid reference, the usual case, allocates no list here.
  let suggested: string[] | undefined;
  for (const field of Object.keys(source)) {
    if (FIELDS.includes(field)) continue;
    const suggestion = closestMatch(field, FIELDS);
    if (suggestion !== undefined) {
      suggested ??= [];
      suggested.push(suggestion);
    }
    problems.push(unknownField(field, suggestion));
  }
  return suggested ?? NO_SUGGESTIONS;
}

function reportMissing(collected: Collected, field: string, hint: string): void {
  // `intergration: 1` already says "did you mean integration?"; "integration is missing"
  // on top of it would only repeat the same fix.
  if (!collected.suggested.includes(field)) {
    collected.problems.push(`${field} is missing; add it, ${hint}`);
  }
}

function readIntegration(
  source: Record<string, unknown>,
  collected: Collected,
): number | string | undefined {
  const problems = collected.problems;
  if (!Object.hasOwn(source, 'integration')) {
    reportMissing(
      collected,
      'integration',
      "the integration's id (a number) or name, e.g. integration: vault-prod",
    );
    return undefined;
  }
  const value = source.integration;
  if (typeof value === 'string')
    return collect(problems, textProblems('integration', value), value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  problems.push(
    `integration must be an id (a whole number from 1) or a name (text), not ${describeNumber(value)}`,
  );
  return undefined;
}

function readText(
  source: Record<string, unknown>,
  field: 'path' | 'key',
  collected: Collected,
): string | undefined {
  const problems = collected.problems;
  const hint =
    field === 'path'
      ? 'e.g. path: crow/myapp'
      : 'e.g. key: api_key (value for Azure and Infisical)';
  if (!Object.hasOwn(source, field)) {
    reportMissing(collected, field, hint);
    return undefined;
  }
  const value = source[field];
  if (typeof value === 'string') {
    return collect(
      problems,
      field === 'path' ? secretPathProblems(value) : textProblems(field, value),
      value,
    );
  }
  const quoteIt =
    typeof value === 'number' || typeof value === 'boolean' ? '; quote it' : `, ${hint}`;
  problems.push(`${field} must be text, not ${describeValueType(value)}${quoteIt}`);
  return undefined;
}

function readVersion(
  source: Record<string, unknown>,
  problems: string[],
): number | string | undefined {
  if (!Object.hasOwn(source, 'version')) return undefined;
  const value = source.version;
  if (typeof value === 'string') return collect(problems, textProblems('version', value), value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  problems.push(
    `version must be a whole number from 0 (0 is the latest) or a version id (text), not ${describeNumber(
      value,
    )}; remove it to read the latest version`,
  );
  return undefined;
}

function collect<T>(problems: string[], found: readonly string[], value: T): T | undefined {
  if (found.length === 0) return value;
  problems.push(...found);
  return undefined;
}

function describeNumber(value: unknown): string {
  if (typeof value !== 'number') return describeValueType(value);
  if (!Number.isFinite(value)) return 'an infinite or undefined number';
  if (!Number.isInteger(value)) return 'a fraction';
  if (!Number.isSafeInteger(value)) return 'a number too large to be exact';
  return value < 0 ? 'a negative number' : 'zero';
}

function unknownField(field: string, suggestion: string | undefined): string {
  const shown =
    field.length > LONGEST_FIELD_SHOWN
      ? `${JSON.stringify(field.slice(0, LONGEST_FIELD_SHOWN))}…`
      : JSON.stringify(field);
  return suggestion === undefined
    ? `unknown field ${shown}; the fields are integration, path, key and version`
    : `unknown field ${shown}; did you mean "${suggestion}"?`;
}

function wrongShape(value: unknown): string {
  if (value === null || value === undefined) {
    return `from_secret is empty (${describeValueType(value)}); give a secret name or a map of integration, path and key`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `from_secret is ${describeValueType(value)}; a secret name is text: quote it`;
  }
  if (value instanceof Map) {
    return 'from_secret is a Map; parse the pipeline into plain objects (the yaml package does unless mapAsMap is set)';
  }
  return `from_secret must be a secret name (text) or a map of integration, path and key, not ${describeValueType(value)}`;
}

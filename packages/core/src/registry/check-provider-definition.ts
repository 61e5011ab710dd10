import { SecretError } from '../errors/secret-error';
import { type ProviderDefinition, SPECIFICATION_VERSION } from '../spec/v1/provider-definition';
import { isProviderType } from './provider-type';

/** Who offered a definition, for messages: a module's export or a `register()` argument. */
export interface DefinitionSource {
  /** How messages name the source, for example `The module "@fromsecret/vault"`. */
  subject: string;
  /** How messages name the definition itself, for example `its export "provider"`. */
  definitionName: string;
  /** How messages name the definition's members, for example `provider.` or ``. */
  memberPrefix: string;
  /** What to tell the reader to change, for example `the package "@fromsecret/vault"`. */
  owner: string;
}

const requiredMembers = [
  ['specificationVersion', 'string'],
  ['type', 'string'],
  ['displayName', 'string'],
  ['fields', 'array'],
  ['parseConfig', 'function'],
  ['create', 'function'],
] as const;

/**
 * Checks that `candidate` has the shape of a spec v1 {@link ProviderDefinition}, and throws one
 * `INVALID_PROVIDER` error naming the source and every missing or malformed member. A
 * definition for another contract version is reported as such, without listing members that
 * contract may have renamed.
 */
export function checkProviderDefinition(
  candidate: unknown,
  source: DefinitionSource,
): ProviderDefinition {
  if (typeof candidate !== 'object' || candidate === null) {
    const found =
      candidate === undefined ? 'is missing' : `is ${describe(candidate)}, not an object`;
    throw invalidProvider(
      `${source.subject} does not provide a fromsecret provider: ${source.definitionName} ${found}. A provider package exports \`provider\`, a ProviderDefinition; check that ${source.owner} is a fromsecret provider.`,
    );
  }
  const record = candidate as Record<string, unknown>;
  const version = record.specificationVersion;
  if (typeof version === 'string' && version !== SPECIFICATION_VERSION) {
    throw invalidProvider(
      `${source.subject} implements provider contract "${version}", but this @fromsecret/core supports "${SPECIFICATION_VERSION}" only; use a release of ${source.owner} built for contract ${SPECIFICATION_VERSION}, or upgrade @fromsecret/core.`,
    );
  }
  const problems = requiredMembers
    .filter(([name, kind]) => !hasKind(record[name], kind))
    .map(([name, kind]) => `"${source.memberPrefix}${name}" (${article(kind)}) is missing`);
  if (problems.length === 0) problems.push(...fieldProblems(record.fields as unknown[], source));
  if (problems.length === 0 && !isProviderType(record.type)) {
    problems.push(
      `"${source.memberPrefix}type" is "${String(record.type)}", not a valid type (a lower-case letter, then lower-case letters, digits or _)`,
    );
  }
  if (problems.length > 0) {
    throw invalidProvider(
      `${source.subject} does not have the shape of a fromsecret provider: ${problems.join('; ')}. Fix ${source.owner}, or use a release that implements contract ${SPECIFICATION_VERSION}.`,
    );
  }
  return candidate as ProviderDefinition;
}

function fieldProblems(fields: readonly unknown[], source: DefinitionSource): string[] {
  const problems: string[] = [];
  fields.forEach((field, index) => {
    const member = `"${source.memberPrefix}fields[${index}]`;
    if (typeof field !== 'object' || field === null) {
      problems.push(`${member}" is not an object`);
      return;
    }
    const { name, secret } = field as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') problems.push(`${member}.name" is not a name`);
    // Redaction trusts this flag, so a missing one is a defect, not a "false".
    if (typeof secret !== 'boolean') problems.push(`${member}.secret" is not true or false`);
  });
  return problems;
}

function hasKind(value: unknown, kind: 'string' | 'array' | 'function'): boolean {
  if (kind === 'array') return Array.isArray(value);
  return typeof value === kind;
}

function article(kind: string): string {
  return kind === 'array' ? 'an array' : `a ${kind}`;
}

function describe(value: unknown): string {
  return value === null ? 'null' : `a ${typeof value}`;
}

/** An `INVALID_PROVIDER` error with the given message. */
export function invalidProvider(message: string, cause?: unknown): SecretError {
  return new SecretError({ code: 'INVALID_PROVIDER', message, cause });
}

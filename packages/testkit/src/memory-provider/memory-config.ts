import {
  type ConfigField,
  invalidConfigError,
  parseConfigFields,
  SecretError,
} from '@fromsecret/core';

/** The provider type of the reference in-memory store. */
export const MEMORY_PROVIDER_TYPE = 'memory';

/** The settings of a `memory` integration: plain data, as written in YAML or a database. */
export interface MemoryConfig {
  /** The name the store was created with (`createMemoryStore(name, ...)`). */
  store: string;
  /** The store's token. */
  token: string;
}

/** The settings of the `memory` provider, in display order. */
export const memoryConfigFields: readonly ConfigField[] = Object.freeze([
  {
    name: 'store',
    label: 'Store name',
    description: 'the name the in-process store was created with (createMemoryStore(name, ...))',
    required: true,
    secret: false,
    kind: 'string',
  },
  {
    name: 'token',
    label: 'Token',
    description: 'the token the in-process store was created with',
    required: true,
    secret: true,
    kind: 'string',
  },
]);

/** Validates `memory` settings, reporting every problem in one `INVALID_CONFIG` error. */
export function parseMemoryConfig(input: unknown): MemoryConfig {
  const { values, issues } = parseConfigFields(memoryConfigFields, input);
  if (issues.length > 0) throw invalidConfigError(MEMORY_PROVIDER_TYPE, issues);
  return { store: values.store as string, token: values.token as string };
}

/** Reads a version the way the memory store numbers them: absent or 0 is the latest. */
export function memoryVersionNumber(version: number | string | undefined): number {
  if (version === undefined) return 0;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 0) return version;
  throw new SecretError({
    code: 'INVALID_REFERENCE',
    message: `The memory store numbers versions 1, 2, 3, ...; the version ${JSON.stringify(version)} is not one. Use a whole number, or 0 (or no version) for the latest.`,
  });
}

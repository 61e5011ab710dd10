import { findReferences, type Integration, type SecretData } from '@fromsecret/core';

/** One reference of the pipeline, with its integration looked up. */
export interface BenchReference {
  pointer: string;
  integration: Integration;
  path: string;
  key: string;
  version?: number | string;
}

/**
 * The pipeline's references, found and parsed with core's public `findReferences` (the
 * baselines differ from fromsecret in how they read, not in how they parse).
 */
export function externalReferences(
  pipeline: unknown,
  integrations: readonly Integration[],
): BenchReference[] {
  return findReferences(pipeline).map(({ reference, location }) => {
    if (reference.kind !== 'external') {
      throw new Error(`The benchmark pipeline has an internal reference at ${location.pointer}.`);
    }
    const integration = integrations.find(
      (candidate) =>
        candidate.id === reference.integration || candidate.name === reference.integration,
    );
    if (integration === undefined) {
      throw new Error(`No benchmark integration ${JSON.stringify(reference.integration)}.`);
    }
    const { path, key, version } = reference;
    return {
      pointer: location.pointer,
      integration,
      path,
      key,
      ...(version === undefined ? {} : { version }),
    };
  });
}

/** The value of `reference.key` in what the store returned; a missing key is an error. */
export function keyValue(data: SecretData, reference: BenchReference): string {
  const value = data.values[reference.key];
  if (value === undefined) {
    throw new Error(
      `No key ${JSON.stringify(reference.key)} at ${JSON.stringify(reference.path)}.`,
    );
  }
  return value;
}

/** What a read asks for: the latest version when the reference names none (or 0). */
export function readRequest(reference: BenchReference): {
  path: string;
  version?: number | string;
} {
  const latest = reference.version === undefined || reference.version === 0;
  return latest ? { path: reference.path } : { path: reference.path, version: reference.version! };
}

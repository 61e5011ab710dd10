import { type SecretData, SecretError } from '@fromsecret/core';

/** One secret to seed into a memory store: its versions, oldest first (the last is latest). */
export interface MemorySecretSeed {
  /** The reference `path`, matched exactly. */
  path: string;
  /** Each version's key/value map, oldest first; version numbers start at 1. */
  versions: readonly Readonly<Record<string, string>>[];
}

/** The secrets of one memory store and the rules for reading them. */
export class MemorySecrets {
  private readonly secrets = new Map<string, Readonly<Record<string, string>>[]>();
  private readonly deniedPaths: ReadonlySet<string>;

  constructor(
    private readonly storeName: string,
    seeds: readonly MemorySecretSeed[],
    deniedPaths: readonly string[],
  ) {
    for (const seed of seeds) {
      this.secrets.set(
        seed.path,
        seed.versions.map((values) => Object.freeze({ ...values })),
      );
    }
    this.deniedPaths = new Set(deniedPaths);
  }

  /** Adds a version to a path (creating the path); returns the new version number. */
  put(path: string, values: Readonly<Record<string, string>>): number {
    const versions = this.secrets.get(path) ?? [];
    versions.push(Object.freeze({ ...values }));
    this.secrets.set(path, versions);
    return versions.length;
  }

  /** Every key at `path`, at `version` (0: the latest); throws the store's failure codes. */
  read(path: string, version: number): SecretData {
    // Denial comes first, as in a real store: a denied identity learns nothing about the path.
    if (this.deniedPaths.has(path)) {
      throw new SecretError({
        code: 'PERMISSION_DENIED',
        message: `Memory store "${this.storeName}" denies this token reading "${path}"; remove the path from the store's deniedPaths to allow the read.`,
      });
    }
    const versions = this.secrets.get(path);
    if (versions === undefined) {
      throw new SecretError({
        code: 'SECRET_NOT_FOUND',
        message: `No secret at path "${path}" in memory store "${this.storeName}"; check the reference's path, or add the secret to the store.`,
      });
    }
    const number = version === 0 ? versions.length : version;
    const values = versions[number - 1];
    if (values === undefined) {
      throw new SecretError({
        code: 'VERSION_NOT_FOUND',
        message: `Secret "${path}" in memory store "${this.storeName}" has no version ${version} (it has versions 1 to ${versions.length}); pin an existing version, or use 0 for the latest.`,
      });
    }
    return { values: { ...values }, version: String(number) };
  }
}

/** Every problem in a store's seeds, for one `INVALID_CONFIG` error. */
export function seedIssues(seeds: readonly MemorySecretSeed[]): string[] {
  const issues: string[] = [];
  const seen = new Set<string>();
  seeds.forEach((seed, index) => {
    const where = `secrets[${index}]`;
    if (typeof seed.path !== 'string' || seed.path.length === 0) {
      issues.push(`${where}.path must be a non-empty string`);
    } else if (seen.has(seed.path)) {
      issues.push(`${where}.path "${seed.path}" is seeded twice; give each path once`);
    } else {
      seen.add(seed.path);
    }
    if (!Array.isArray(seed.versions) || seed.versions.length === 0) {
      issues.push(`${where}.versions must list at least one version`);
      return;
    }
    seed.versions.forEach((values, versionIndex) => {
      const entries = typeof values === 'object' && values !== null ? Object.entries(values) : [];
      if (entries.length === 0 || entries.some(([, value]) => typeof value !== 'string')) {
        issues.push(`${where}.versions[${versionIndex}] must map at least one key to a string`);
      }
    });
  });
  return issues;
}

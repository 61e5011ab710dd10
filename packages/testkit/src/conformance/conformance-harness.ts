import type { ProviderDefinition } from '@fromsecret/core';

/** One secret to seed into a store: its versions, oldest first (the last is the latest). */
export interface ConformanceSecret {
  /** The reference `path` (Vault path, Azure secret name, Infisical key name). */
  path: string;
  /** Each version's key/value map; single-valued stores use only the key `value`. */
  versions: readonly Readonly<Record<string, string>>[];
}

/** What the suite asks a harness to set up for one test. */
export interface ConformanceSeed {
  secrets: readonly ConformanceSecret[];
  /** Paths that exist but that the harness's identity may not read (expect PERMISSION_DENIED). */
  deniedPaths?: readonly string[];
}

/** A store set up by a harness for one test, with its provider settings. */
export interface ConformanceStore {
  /** Raw settings (the input to `parseConfig`) that authenticate and reach this store. */
  config: unknown;
  /** The same settings with credentials the store rejects (expect AUTHENTICATION_FAILED). */
  badCredentialsConfig: unknown;
  /** Every credential in `config` (role id, secret id, client secret, ...): must never leak. */
  credentials: readonly string[];
  /** How the reference names version `n` (1-based, oldest first) of `path`: `n`, or an id. */
  versionOf(path: string, n: number): number | string;
  /** A version reference the store has never had for `path`. */
  missingVersion(path: string): number | string;
  /** How many requests of any kind reached the store so far. */
  requestCount(): number;
  /** How many secret reads (requests that return secret material) reached the store so far. */
  secretReadCount(): number;
  /** Delays every later answer, for abort tests. */
  setLatency(milliseconds: number): void;
  /** Stops the store and removes interceptors. */
  close(): Promise<void>;
}

/** Optional groups of the suite, for stores that cannot express them. */
export interface ConformanceFeatures {
  /** The store holds several keys per path (Vault). @default false */
  multipleKeys?: boolean;
  /** The store keeps versions that references can pin. @default true */
  versions?: boolean;
}

/** Options of `describeProviderConformance`. */
export interface ConformanceOptions<Config> {
  /** The provider under test: the package's `provider` export. */
  provider: ProviderDefinition<Config>;
  /** The imported package module, to check its shape (a named `provider` export). */
  module?: Record<string, unknown>;
  /** Sets up a store seeded for one test. Called once per test that needs one. */
  setup(seed: ConformanceSeed): Promise<ConformanceStore>;
  features?: ConformanceFeatures;
}

import type { IntegrationDescriptor, SecretError } from '../errors/secret-error';
import type {
  AccessContext,
  IntegrationStore,
  InternalSecretStore,
} from '../integrations/integration';
import type { ReferenceLocation } from '../reference/secret-reference';
import type { ProviderRegistry } from '../registry/create-provider-registry';
import type { Logger } from '../spec/v1/logger';

/** Options of `createSecretResolver`. */
export interface SecretResolverOptions {
  /** Where provider definitions come from. */
  registry: ProviderRegistry;
  /** Where integrations come from. */
  integrations: IntegrationStore;
  /** The CI server's own secrets, for string references. Without it, a string reference is an error. */
  internalSecrets?: InternalSecretStore;
  /** Reads in flight at once per integration, per resolution. @default 8 */
  concurrency?: number;
  /** The deadline of one resolution or connection test, in milliseconds. @default 30000 */
  timeoutMs?: number;
  /** Receives names, counts and durations; never a value. @default silentLogger */
  logger?: Logger;
  /** The clock for records and for providers' token lifetimes, in ms since the epoch. @default Date.now */
  now?: () => number;
}

/** Options of one resolution. */
export interface ResolveOptions {
  /** Cancels the resolution; it then fails with `CANCELLED`. */
  signal?: AbortSignal;
}

/** Where a resolved value came from: an integration, or the CI server's own secrets. */
export type ResolutionRecord = ExternalResolutionRecord | InternalResolutionRecord;

/** The audit record of one external reference. Holds no value. */
export interface ExternalResolutionRecord {
  kind: 'external';
  /** The integration read. */
  integration: Required<IntegrationDescriptor>;
  path: string;
  key: string;
  /** The version the reference asked for (absent or 0: the latest). */
  version?: number | string;
  /** The version the store says it returned, when it reports one. */
  resolvedVersion?: string;
  /** When the read finished, in ms since the epoch (the resolver's clock). */
  resolvedAt: number;
  /** True when another reference was served by the same read. */
  shared: boolean;
  location: ReferenceLocation;
}

/** The audit record of one internal (string) reference. Holds no value. */
export interface InternalResolutionRecord {
  kind: 'internal';
  /** The internal secret's name. */
  name: string;
  /** When the value was read, in ms since the epoch (the resolver's clock). */
  resolvedAt: number;
  /** True when another reference named the same internal secret. */
  shared: boolean;
  location: ReferenceLocation;
}

/** What a successful resolution returns. */
export interface ResolutionResult<Pipeline = unknown> {
  /** A copy of the pipeline with every reference replaced by its value. */
  pipeline: Pipeline;
  /** The distinct values substituted, for the masker. */
  secrets: string[];
  /** One record per reference, in document order. */
  records: ResolutionRecord[];
}

/** Options of a connection test. */
export interface TestConnectionOptions {
  /** Cancels the test; it then reports `CANCELLED`. */
  signal?: AbortSignal;
}

/** The outcome of a connection test; a failure is a value, never a throw. */
export type TestConnectionResult =
  | { ok: true; message: 'Connection test successful'; durationMs: number }
  | { ok: false; error: SecretError; message: string };

/** Resolves pipelines' references; holds providers (and their tokens) between resolutions. */
export interface SecretResolver {
  /**
   * Plans every reference without network I/O, reads each (integration, path, version) once,
   * and returns the substituted copy, the values to mask and the records. Any problem
   * rejects with one `RESOLUTION_FAILED` error listing every failing reference; nothing
   * partial is returned. The input is never modified.
   */
  resolvePipeline<Pipeline>(
    pipeline: Pipeline,
    context: AccessContext,
    options?: ResolveOptions,
  ): Promise<ResolutionResult<Pipeline>>;
  /**
   * Authenticates against the integration's store with its current settings, with a fresh
   * provider (no cached token), and reads no secret. An operator action: allowlists are not
   * consulted. Never throws.
   */
  testConnection(
    idOrName: number | string,
    options?: TestConnectionOptions,
  ): Promise<TestConnectionResult>;
  /**
   * Cancels resolutions in flight (`CANCELLED`), then closes every cached provider (revoking
   * tokens where the store can). Idempotent; later calls fail with `CANCELLED`.
   */
  close(): Promise<void>;
}

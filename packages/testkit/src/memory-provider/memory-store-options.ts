import { type MemorySecretSeed, seedIssues } from './memory-secrets';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** The one token the store accepts; integrations give it as their `token` setting. */
  token: string;
  /** The secrets the store starts with. @default [] */
  secrets?: readonly MemorySecretSeed[];
  /** Paths this token may not read (PERMISSION_DENIED), whether or not they exist. @default [] */
  deniedPaths?: readonly string[];
  /** Delay before every answer, in milliseconds. @default 0 */
  latencyMs?: number;
}

/** Every problem with a store's name and options, for one `INVALID_CONFIG` error. */
export function memoryStoreOptionIssues(name: string, options: MemoryStoreOptions): string[] {
  const issues: string[] = [];
  if (typeof name !== 'string' || name.length === 0) issues.push('name must be a non-empty string');
  if (typeof options.token !== 'string' || options.token.length === 0) {
    issues.push('token must be a non-empty string');
  }
  const latency = options.latencyMs ?? 0;
  if (!Number.isFinite(latency) || latency < 0) issues.push('latencyMs must be 0 or more');
  return [...issues, ...seedIssues(options.secrets ?? [])];
}

/** The three stores the resolution benchmark reads from, one integration each. */
export const STORE_TYPES = ['vault', 'azure_key_vault', 'infisical'] as const;

/** A store type of the benchmark. */
export type StoreType = (typeof STORE_TYPES)[number];

/** The integration name the benchmark gives each store. */
export const INTEGRATION_NAMES: Readonly<Record<StoreType, string>> = {
  vault: 'vault-bench',
  azure_key_vault: 'azure-bench',
  infisical: 'infisical-bench',
};

/** Keys per Vault secret; Azure Key Vault and Infisical secrets hold one `value`. */
const VAULT_KEYS = ['api_key', 'url', 'user', 'password'] as const;

/** One secret the benchmark's pipeline reads: where it is and the keys it has. */
export interface BenchPath {
  type: StoreType;
  integration: string;
  path: string;
  keys: readonly string[];
}

/**
 * `count` secrets spread over the three stores in turn (so 20 paths are 7 Vault, 7 Azure Key
 * Vault and 6 Infisical secrets), named as each store allows.
 */
export function benchPaths(count: number): BenchPath[] {
  return Array.from({ length: count }, (_, index) => benchPath(index));
}

/** Path `index`: the store takes turns, the name follows that store's rules. */
function benchPath(index: number): BenchPath {
  const type = STORE_TYPES[index % STORE_TYPES.length]!;
  const integration = INTEGRATION_NAMES[type];
  if (type === 'vault') return { type, integration, path: `bench/app-${index}`, keys: VAULT_KEYS };
  const path = type === 'azure_key_vault' ? `bench-app-${index}` : `BENCH_APP_${index}`;
  return { type, integration, path, keys: ['value'] };
}

/** The value stored at `path` under `key`: distinct for every secret and key, and recognisable. */
export function benchValue(path: string, key: string): string {
  return `bench-value-${path.replaceAll('/', '-')}-${key}-7f3a`;
}

/** Every key of `path` with its value, as the store holds them. */
export function benchValues(path: BenchPath): Record<string, string> {
  return Object.fromEntries(path.keys.map((key) => [key, benchValue(path.path, key)]));
}

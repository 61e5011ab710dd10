import type { ConfigField } from './config-field';
import type { ProviderContext } from './provider-context';
import type { SecretProvider } from './secret-provider';

/** The contract version this package implements. */
export const SPECIFICATION_VERSION = 'v1';

/**
 * What a provider package exports as its named export `provider`. Changing this interface is
 * a breaking change for every provider: a new contract gets a new `specificationVersion`.
 */
export interface ProviderDefinition<Config = unknown> {
  /** Always `'v1'` for this contract. */
  readonly specificationVersion: 'v1';
  /** The type string integrations use: `[a-z][a-z0-9_]*`, for example `vault`. */
  readonly type: string;
  /** A human name, for example `HashiCorp Vault / OpenBao`. */
  readonly displayName: string;
  /** The settings, in display order. */
  readonly fields: readonly ConfigField[];
  /**
   * Validates settings and applies defaults, without I/O. Throws one `INVALID_CONFIG`
   * `SecretError` whose `issues` lists every problem.
   */
  parseConfig(input: unknown): Config;
  /** Builds a provider for one integration, without I/O. */
  create(config: Config, context: ProviderContext): SecretProvider;
}

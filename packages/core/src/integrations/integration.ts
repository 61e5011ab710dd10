/**
 * Who may use an integration. A pipeline is admitted when its user, its org or its repo is
 * listed (compared without regard to ASCII case). Empty lists admit nobody.
 */
export interface IntegrationAllowlist {
  /** User names, for example `alice`. */
  users: readonly string[];
  /** Organisation (owner) names, for example `acme`. */
  orgs: readonly string[];
  /** Repositories as `owner/name`, for example `acme/app`. */
  repos: readonly string[];
  /**
   * Whether pull requests from forks may use the integration; a fork can change the pipeline
   * to print what it receives. @default false
   */
  forks?: boolean;
}

/** A configured connection to one external store, as an administrator set it up. */
export interface Integration {
  /** Positive whole number, unique. */
  id: number;
  /** 1–64 of `A-Z a-z 0-9 . _ -`, unique without regard to case. */
  name: string;
  /** The provider type, for example `vault`. */
  type: string;
  /** The provider's settings, checked by its `parseConfig`. Holds credentials: never log it. */
  config: unknown;
  /** Who may use it. */
  allow: IntegrationAllowlist;
}

/** The pipeline asking for secrets, as the CI server knows it. */
export interface AccessContext {
  /** The user the pipeline runs for (the author of the push or pull request). */
  user?: string;
  /** The organisation that owns the repository. */
  org?: string;
  /** The repository, exactly `owner/name`. */
  repo?: string;
  /** The event that started the pipeline (`push`, `pull_request`, ...), for the host's stores. */
  event?: string;
  /** True for a pull request from a fork. A host must set it: absent counts as not a fork. */
  fromFork?: boolean;
}

/**
 * Where integrations live. A CI server implements it over its own database; core ships
 * {@link createMemoryIntegrationStore}. Methods return promises because real stores do I/O.
 */
export interface IntegrationStore {
  /**
   * The integration with this id (a number) or name (a string, compared without regard to
   * case). Throws `INTEGRATION_NOT_FOUND` (see `integrationNotFoundError`) when there is none.
   */
  get(idOrName: number | string): Promise<Integration>;
  /** Every integration. */
  list(): Promise<Integration[]>;
}

/** The CI server's own secrets, for string references (`from_secret: my_token`). */
export interface InternalSecretStore {
  /**
   * The value of the secret `name` as seen by the pipeline in `context`. Throws
   * `SECRET_NOT_FOUND` when the pipeline has no such secret; never returns a placeholder.
   */
  get(name: string, context: AccessContext): Promise<string>;
}

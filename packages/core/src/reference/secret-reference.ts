/** A reference to the CI server's own secret store: `from_secret: my_token`. */
export interface InternalReference {
  kind: 'internal';
  /** The internal secret's name. */
  name: string;
}

/** A reference to an external store through an integration. */
export interface ExternalReference {
  kind: 'external';
  /** A positive integer is an integration id; a string is its name (`"1"` is a name). */
  integration: number | string;
  /** Vault path, Azure secret name or Infisical key name. */
  path: string;
  /** The key inside the secret; `value` for single-valued stores. */
  key: string;
  /** Absent or `0`: the latest version. */
  version?: number | string;
}

/** What `parseFromSecret` returns. */
export type SecretReference = InternalReference | ExternalReference;

/** Where a reference stands in a pipeline. */
export interface ReferenceLocation {
  /** JSON pointer (RFC 6901) to the map holding `from_secret`, e.g. `/steps/0/environment/API_KEY`. */
  pointer: string;
  /** Whether the reference is in a step or a service. */
  group: 'steps' | 'services';
  /** The step's or service's name (its `name`, its key in a map, or its index). */
  step: string;
  /** The section the reference is in. */
  section: 'environment' | 'settings';
  /** The variable or top-level setting the reference belongs to. */
  name: string;
}

/** A reference and where it was found. */
export interface LocatedReference {
  reference: SecretReference;
  location: ReferenceLocation;
}

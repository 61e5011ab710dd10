/** A machine identity with Universal Auth, as the emulator knows it. */
export interface InfisicalEmulatorIdentity {
  /** The Universal Auth client ID. */
  clientId: string;
  /** The Universal Auth client secret. */
  clientSecret: string;
  /** The projects the identity is a member of, with a role that reads secrets. */
  projects: readonly string[];
  /** Lifetime of the access tokens it gets, in seconds; 0 for tokens that never expire. @default 7200 */
  accessTokenTtlSeconds?: number;
  /** Reported as `accessTokenMaxTTL` in the login answer. @default 2592000 */
  accessTokenMaxTtlSeconds?: number;
}

/** Where a secret lives in Infisical. */
export interface InfisicalEmulatorLocation {
  projectId: string;
  /** The environment's slug. */
  environment: string;
  /** The folder. @default '/' */
  secretPath?: string;
}

/** A secret to seed: its values, oldest first (version n is `versions[n - 1]`). */
export interface InfisicalEmulatorSecret extends InfisicalEmulatorLocation {
  key: string;
  versions: readonly string[];
}

/**
 * A rule that takes a permission away from an identity. Fields left out match everything.
 * `describe` denials answer 403 `PermissionDenied`; `readValue` denials let the secret be
 * seen but not its value (403 `ForbiddenReadSecretError` when the value is asked for).
 */
export interface InfisicalEmulatorDenial {
  clientId: string;
  projectId: string;
  environment?: string;
  secretPath?: string;
  key?: string;
  /** @default 'describe' */
  action?: 'describe' | 'readValue';
}

/** A project with environments that may hold no secret yet. */
export interface InfisicalEmulatorProject {
  id: string;
  /** Environment slugs. */
  environments: readonly string[];
}

/** The emulated store's starting state. */
export interface InfisicalEmulatorState {
  identities?: readonly InfisicalEmulatorIdentity[];
  projects?: readonly InfisicalEmulatorProject[];
  /** Seeding a secret creates its project, environment and folders. */
  secrets?: readonly InfisicalEmulatorSecret[];
  denials?: readonly InfisicalEmulatorDenial[];
  /** The clock that decides token expiry, in milliseconds since the epoch. @default Date.now */
  now?: () => number;
}

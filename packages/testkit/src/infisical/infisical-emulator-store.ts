import { randomBytes } from 'node:crypto';
import type {
  InfisicalEmulatorDenial,
  InfisicalEmulatorIdentity,
  InfisicalEmulatorLocation,
  InfisicalEmulatorState,
} from './infisical-emulator-types';

/** An access token the emulator issued. */
export interface EmulatedAccessToken {
  identity: InfisicalEmulatorIdentity;
  /** Milliseconds since the epoch; Infinity for a token that never expires. */
  expiresAt: number;
  revoked: boolean;
}

/** What a token check found. */
export type TokenCheck =
  | { status: 'valid'; identity: InfisicalEmulatorIdentity }
  | { status: 'expired' | 'revoked' | 'unknown' };

/** The folder a path names, `/` for the root, without a trailing `/`. */
export function normalizeFolderPath(path: string | undefined): string {
  const trimmed = (path ?? '/').replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/**
 * The state of an emulated Infisical: identities, projects with environments and folders,
 * versioned secrets, denials, and the access tokens issued, expiring by an injectable clock.
 * Tests change it directly (add a secret version, revoke tokens) while the emulator runs.
 */
export class InfisicalEmulatorStore {
  /** The clock that decides token expiry. */
  readonly now: () => number;
  private readonly identities = new Map<string, InfisicalEmulatorIdentity>();
  /** Folder key (`project|environment|path`) to the secrets in it, by key name. */
  private readonly folders = new Map<string, Map<string, string[]>>();
  private readonly denials: InfisicalEmulatorDenial[] = [];
  private readonly tokens = new Map<string, EmulatedAccessToken>();
  private tokenCounter = 0;

  constructor(state: InfisicalEmulatorState = {}) {
    this.now = state.now ?? Date.now;
    for (const identity of state.identities ?? []) this.addIdentity(identity);
    for (const project of state.projects ?? []) {
      for (const environment of project.environments) {
        this.addFolder({ projectId: project.id, environment, secretPath: '/' });
      }
    }
    for (const secret of state.secrets ?? []) {
      for (const value of secret.versions) this.setSecret(secret, secret.key, value);
    }
    for (const denial of state.denials ?? []) this.deny(denial);
  }

  /** Adds (or replaces) a machine identity. */
  addIdentity(identity: InfisicalEmulatorIdentity): void {
    this.identities.set(identity.clientId, identity);
  }

  /** Creates a folder and its parents (and so the environment), if missing. */
  addFolder(location: InfisicalEmulatorLocation): void {
    const path = normalizeFolderPath(location.secretPath);
    const segments = path.split('/').filter((segment) => segment !== '');
    for (let depth = 0; depth <= segments.length; depth++) {
      const folder = `/${segments.slice(0, depth).join('/')}`;
      const key = folderKey(location.projectId, location.environment, folder);
      if (!this.folders.has(key)) this.folders.set(key, new Map());
    }
  }

  /** Writes a new version of a secret (creating its folder); returns the version number. */
  setSecret(location: InfisicalEmulatorLocation, key: string, value: string): number {
    this.addFolder(location);
    const folder = this.folder(location)!;
    const versions = folder.get(key) ?? [];
    versions.push(value);
    folder.set(key, versions);
    return versions.length;
  }

  /** Adds a denial (see {@link InfisicalEmulatorDenial}). */
  deny(denial: InfisicalEmulatorDenial): void {
    this.denials.push(denial);
  }

  /** The secrets of a folder by key name (each key's values, oldest first), if it exists. */
  folder(location: InfisicalEmulatorLocation): Map<string, string[]> | undefined {
    const path = normalizeFolderPath(location.secretPath);
    return this.folders.get(folderKey(location.projectId, location.environment, path));
  }

  /** The identity these Universal Auth credentials belong to, if they are right. */
  authenticate(clientId: string, clientSecret: string): InfisicalEmulatorIdentity | undefined {
    const identity = this.identities.get(clientId);
    return identity !== undefined && identity.clientSecret === clientSecret ? identity : undefined;
  }

  /** Issues an access token to an identity. */
  issueToken(identity: InfisicalEmulatorIdentity): { accessToken: string; expiresIn: number } {
    this.tokenCounter += 1;
    const accessToken = `emulated-infisical-token-${this.tokenCounter}-${randomBytes(12).toString('hex')}`;
    const expiresIn = identity.accessTokenTtlSeconds ?? 7200;
    const expiresAt = expiresIn === 0 ? Number.POSITIVE_INFINITY : this.now() + expiresIn * 1000;
    this.tokens.set(accessToken, { identity, expiresAt, revoked: false });
    return { accessToken, expiresIn };
  }

  /** Whether a token is valid now, and whose it is. */
  checkToken(accessToken: string): TokenCheck {
    const token = this.tokens.get(accessToken);
    if (token === undefined) return { status: 'unknown' };
    if (token.revoked) return { status: 'revoked' };
    if (this.now() >= token.expiresAt) return { status: 'expired' };
    return { status: 'valid', identity: token.identity };
  }

  /** Revokes one token; false when the emulator never issued it. */
  revokeToken(accessToken: string): boolean {
    const token = this.tokens.get(accessToken);
    if (token === undefined) return false;
    token.revoked = true;
    return true;
  }

  /** Revokes every token issued so far (as an administrator revoking the identity's tokens). */
  revokeAllTokens(): void {
    for (const token of this.tokens.values()) token.revoked = true;
  }

  /** Every access token issued so far, for asserting that none leaked. */
  issuedTokens(): string[] {
    return [...this.tokens.keys()];
  }

  /** How many tokens were issued and not revoked. */
  activeTokenCount(): number {
    return [...this.tokens.values()].filter((token) => !token.revoked).length;
  }

  /** The denial that applies to this identity, secret and action, if any. */
  denialFor(
    identity: InfisicalEmulatorIdentity,
    location: InfisicalEmulatorLocation,
    key: string,
    action: 'describe' | 'readValue',
  ): InfisicalEmulatorDenial | undefined {
    const path = normalizeFolderPath(location.secretPath);
    return this.denials.find(
      (denial) =>
        denial.clientId === identity.clientId &&
        denial.projectId === location.projectId &&
        (denial.action ?? 'describe') === action &&
        (denial.environment === undefined || denial.environment === location.environment) &&
        (denial.secretPath === undefined || normalizeFolderPath(denial.secretPath) === path) &&
        (denial.key === undefined || denial.key === key),
    );
  }
}

function folderKey(projectId: string, environment: string, path: string): string {
  return `${projectId}|${environment}|${path}`;
}

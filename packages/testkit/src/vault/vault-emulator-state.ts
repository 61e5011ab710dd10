import { randomBytes, randomUUID } from 'node:crypto';
import { KvMount } from './vault-kv-mount';
import type { VaultPolicyRules } from './vault-policy';

/** An AppRole role the emulator accepts logins for. */
export interface VaultRoleOptions {
  roleId: string;
  secretId: string;
  /** Policies attached to the role's tokens, besides `default`. @default [] */
  policies?: readonly string[];
  /** The namespace the role lives in. @default '' (root) */
  namespace?: string;
  /** Where the AppRole auth method is mounted. @default 'approle' */
  authPath?: string;
  /** The role's name, as lookup-self reports it. @default 'fromsecret' */
  name?: string;
  /** Lifetime of the tokens it issues, in seconds; 0 for none. @default 3600 */
  tokenTtlSeconds?: number;
}

/** A token the emulator issued. */
export interface VaultTokenState {
  token: string;
  accessor: string;
  namespace: string;
  authPath: string;
  roleName: string;
  policies: readonly string[];
  issuedAt: number;
  ttlSeconds: number;
}

/** Where a KV operation happens. */
export interface VaultKvOptions {
  /** The KV mount. @default 'secret' */
  mount?: string;
  /** The namespace. @default '' (root) */
  namespace?: string;
}

/** Options of {@link VaultEmulatorState}. */
export interface VaultEmulatorStateOptions {
  /** The clock tokens expire by, in milliseconds. @default Date.now */
  now?: () => number;
  /** Makes each new token; give canaries to assert they never leak. @default hvs.<random> */
  createToken?: () => string;
}

/**
 * Everything the Vault emulator knows: roles, policies, KV mounts per namespace, tokens, and
 * whether it is sealed. Starts like `vault server -dev`: a KV v2 engine at `secret/` in the
 * root namespace.
 */
export class VaultEmulatorState {
  readonly now: () => number;
  readonly policies = new Map<string, VaultPolicyRules>();
  sealed = false;
  private readonly roles: Required<VaultRoleOptions>[] = [];
  private readonly tokens = new Map<string, VaultTokenState>();
  private readonly mounts = new Map<string, KvMount>();
  private readonly createToken: () => string;

  constructor(options: VaultEmulatorStateOptions = {}) {
    this.now = options.now ?? Date.now;
    this.createToken = options.createToken ?? (() => `hvs.${randomToken()}`);
    this.enableKv('secret', { version: 2 });
  }

  addRole(role: VaultRoleOptions): void {
    this.roles.push({
      policies: [],
      namespace: '',
      authPath: 'approle',
      name: 'fromsecret',
      tokenTtlSeconds: 3600,
      ...role,
      ...(role.namespace === undefined ? {} : { namespace: normalize(role.namespace) }),
    });
  }

  enableKv(mount: string, options: { version: 1 | 2; namespace?: string }): void {
    this.mounts.set(mountKey(options.namespace, mount), new KvMount(options.version, this.now));
  }

  /** The mount at `path`'s start in `namespace` (longest match), and the rest of the path. */
  findMount(namespace: string, segments: readonly string[]) {
    for (let length = segments.length; length > 0; length--) {
      const mount = this.mounts.get(mountKey(namespace, segments.slice(0, length).join('/')));
      if (mount !== undefined) return { mount, rest: segments.slice(length) };
    }
    return undefined;
  }

  kvMount(options: VaultKvOptions = {}): KvMount {
    const mount = this.mounts.get(mountKey(options.namespace, options.mount ?? 'secret'));
    if (mount === undefined) {
      throw new Error(`no KV mount "${options.mount ?? 'secret'}" in the emulator; enableKv first`);
    }
    return mount;
  }

  /** Whether an AppRole auth method is mounted at `authPath` in `namespace`. */
  hasAuthMount(namespace: string, authPath: string): boolean {
    return this.roles.some((role) => role.namespace === namespace && role.authPath === authPath);
  }

  login(namespace: string, authPath: string, roleId: unknown, secretId: unknown) {
    const role = this.roles.find(
      (candidate) =>
        candidate.namespace === namespace &&
        candidate.authPath === authPath &&
        candidate.roleId === roleId &&
        candidate.secretId === secretId,
    );
    if (role === undefined) return undefined;
    const state: VaultTokenState = {
      token: this.createToken(),
      accessor: randomToken(),
      namespace,
      authPath,
      roleName: role.name,
      policies: ['default', ...role.policies],
      issuedAt: this.now(),
      ttlSeconds: role.tokenTtlSeconds,
    };
    this.tokens.set(state.token, state);
    return state;
  }

  /** The token's state when it exists and has not expired. */
  activeToken(token: string | undefined): VaultTokenState | undefined {
    const state = token === undefined ? undefined : this.tokens.get(token);
    if (state === undefined) return undefined;
    if (state.ttlSeconds > 0 && this.now() >= state.issuedAt + state.ttlSeconds * 1000) {
      this.tokens.delete(state.token);
      return undefined;
    }
    return state;
  }

  remainingSeconds(state: VaultTokenState): number {
    if (state.ttlSeconds === 0) return 0;
    const elapsed = (this.now() - state.issuedAt) / 1000;
    return Math.max(0, Math.floor(state.ttlSeconds - elapsed));
  }

  revokeToken(token: string): void {
    this.tokens.delete(token);
  }

  /** Revokes every token; returns how many there were. */
  revokeAllTokens(): number {
    const count = this.tokens.size;
    this.tokens.clear();
    return count;
  }

  /** How many issued tokens are still valid. */
  activeTokenCount(): number {
    return [...this.tokens.keys()].filter((token) => this.activeToken(token) !== undefined).length;
  }

  requestId(): string {
    return randomUUID();
  }
}

/** Vault accepts a namespace with or without slashes around it. */
export function normalize(namespace: string | undefined): string {
  return (namespace ?? '').replace(/^\/+|\/+$/g, '');
}

function mountKey(namespace: string | undefined, mount: string): string {
  return `${normalize(namespace)}\u0000${mount}`;
}

function randomToken(): string {
  return randomBytes(18).toString('base64url').replace(/[-_]/g, 'x');
}

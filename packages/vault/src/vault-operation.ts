/** One call to Vault, described for error messages. Holds no credential. */
export type VaultOperation =
  | { kind: 'login'; authPath: string }
  | { kind: 'lookup-self' }
  | { kind: 'revoke-self' }
  | {
      kind: 'read';
      /** The secret's path as the reference names it, for example `crow/myapp`. */
      path: string;
      /** The API path the policy must grant `read` on, for example `secret/data/crow/myapp`. */
      policyPath: string;
      /** The version asked for; absent for the latest. */
      version?: number;
    };

/** Where an operation went: the parts of the settings a message may name. */
export interface VaultTarget {
  address: string;
  namespace?: string;
  mountPath: string;
  kvVersion: 1 | 2;
}

/** A short description of an operation, for example `read of secret/data/crow/myapp`. */
export function describeOperation(operation: VaultOperation, target: VaultTarget): string {
  const where = target.namespace === undefined ? '' : ` in namespace "${target.namespace}"`;
  switch (operation.kind) {
    case 'login':
      return `AppRole login at auth/${operation.authPath}/login${where}`;
    case 'lookup-self':
      return `token lookup (auth/token/lookup-self)${where}`;
    case 'revoke-self':
      return `token revocation (auth/token/revoke-self)${where}`;
    case 'read': {
      const version = operation.version === undefined ? '' : ` version ${operation.version}`;
      return `read of ${operation.policyPath}${version}${where}`;
    }
  }
}

/** The parts of the settings that a message may name (never a credential). */
export function vaultTarget(config: VaultTarget): VaultTarget {
  return {
    address: config.address,
    mountPath: config.mountPath,
    kvVersion: config.kvVersion,
    ...(config.namespace === undefined ? {} : { namespace: config.namespace }),
  };
}

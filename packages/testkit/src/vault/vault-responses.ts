import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from '../emulator/emulator-types';

/** Vault's words for a policy denial, wrapped the way Vault's multierror prints them. */
export const PERMISSION_DENIED = '1 error occurred:\n\t* permission denied\n\n';

/** Vault's words (1.16 and later) for a revoked, expired or unknown token. */
export const INVALID_TOKEN = '2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n';

/** Vault's warning when a KV v2 mount is read with a KV v1 path. */
export const VERSIONED_KV_WARNING =
  "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation.";

/** An error answer: `{"errors": [...]}`. */
export function vaultErrors(status: number, errors: readonly string[]): EmulatorResponse {
  return { status, body: { errors } };
}

/** A successful (or, for KV v2 deleted versions, 404) answer in Vault's envelope. */
export function vaultEnvelope(status: number, fields: Record<string, unknown>): EmulatorResponse {
  return {
    status,
    body: {
      request_id: randomUUID(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data: null,
      wrap_info: null,
      warnings: null,
      auth: null,
      mount_type: '',
      ...fields,
    },
  };
}

/** The 404 Vault gives for a path no backend serves. */
export function noRoute(path: string): EmulatorResponse {
  return vaultErrors(404, [`no handler for route "${path}". route entry not found.`]);
}

/** The 405 Vault gives for a method a path does not support. */
export function unsupportedOperation(): EmulatorResponse {
  return vaultErrors(405, ['1 error occurred:\n\t* unsupported operation\n\n']);
}

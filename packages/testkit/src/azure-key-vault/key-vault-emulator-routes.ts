import type { EmulatorRequest, EmulatorResponse } from '../emulator/emulator-types';
import { keyVaultErrorResponse } from './azure-error-responses';
import type {
  AzureKeyVaultEmulatorStore,
  StoredSecretVersion,
} from './azure-key-vault-emulator-store';

/** `/secrets/<name>` or `/secrets/<name>/<version>` (the SDK sends `/secrets/<name>/`). */
export const secretRoute = /^\/secrets\/([^/]+)(?:\/([^/]*))?$/;

/** What a secret read came to: the operation label for the log, and the answer. */
export interface VaultAnswer {
  operation: 'challenge' | 'rejected-token' | 'read';
  response: EmulatorResponse;
}

/**
 * `GET /secrets/<name>[/<version>]`, checked in Key Vault's order: the bearer token (a 401
 * challenge without one, or with one that is unknown, expired or for another tenant), the
 * principal's permission (403 by access policy or by RBAC, before the secret is looked up),
 * the secret and the version (404), and whether that version is enabled (403).
 */
export function readSecret(
  store: AzureKeyVaultEmulatorStore,
  request: EmulatorRequest,
  origin: string,
  name: string,
  version: string | undefined,
): VaultAnswer {
  const authorityHost = store.authorityHost ?? origin;
  const challenge = {
    'www-authenticate': `Bearer authorization="${authorityHost}/${store.tenantId}", resource="${store.resource}"`,
  };
  const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '');
  if (bearer === null) {
    return {
      operation: 'challenge',
      response: keyVaultErrorResponse(
        401,
        'Unauthorized',
        'AKV10000: Request is missing a Bearer or PoP token.',
        undefined,
        challenge,
      ),
    };
  }
  const check = store.checkToken(bearer[1]!);
  if (check.kind !== 'valid') {
    const problem =
      check.kind === 'expired'
        ? "[TokenExpired] Error validating token: 'S2S12086'."
        : "[BearerReadAccessTokenFailed] Error validating token: 'S2S12005'.";
    return rejected(problem, challenge);
  }
  if (check.token.tenantId.toLowerCase() !== store.tenantId.toLowerCase()) {
    return rejected(
      `AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${store.tenantId}/, found https://sts.windows.net/${check.token.tenantId}/.`,
      challenge,
    );
  }
  return {
    operation: 'read',
    response: authorizedRead(store, check.token.clientId, origin, name, version),
  };
}

function rejected(message: string, challenge: Record<string, string>): VaultAnswer {
  return {
    operation: 'rejected-token',
    response: keyVaultErrorResponse(401, 'Unauthorized', message, undefined, challenge),
  };
}

function authorizedRead(
  store: AzureKeyVaultEmulatorStore,
  clientId: string,
  origin: string,
  name: string,
  version: string | undefined,
): EmulatorResponse {
  if (!store.mayRead(clientId, name)) return forbidden(store, clientId, name);
  const found = store.findVersion(name, version);
  if (found === undefined) {
    const id = version === undefined || version === '' ? name : `${name}/${version}`;
    return keyVaultErrorResponse(
      404,
      'SecretNotFound',
      `A secret with (name/id) ${id} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
    );
  }
  if (!found.enabled) {
    return keyVaultErrorResponse(
      403,
      'Forbidden',
      'Operation get is not allowed on a disabled secret.',
      'SecretDisabled',
    );
  }
  return { status: 200, body: secretBundle(origin, name, found) };
}

function forbidden(
  store: AzureKeyVaultEmulatorStore,
  clientId: string,
  name: string,
): EmulatorResponse {
  const caller = `appid=${clientId};oid=00000000-0000-0000-0000-000000000000;iss=https://sts.windows.net/${store.tenantId}/`;
  if (store.permissionModel === 'rbac') {
    return keyVaultErrorResponse(
      403,
      'Forbidden',
      `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: ${caller}\r\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\r\nResource: '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/emulator/providers/microsoft.keyvault/vaults/emulator/secrets/${name.toLowerCase()}'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: null \r\nVault: emulator;location=westeurope\r\n`,
      'ForbiddenByRbac',
    );
  }
  return keyVaultErrorResponse(
    403,
    'Forbidden',
    `The user, group or application '${caller}' does not have secrets get permission on key vault 'emulator;location=westeurope'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
    'ForbiddenByPolicy',
  );
}

function secretBundle(origin: string, name: string, version: StoredSecretVersion): object {
  return {
    value: version.value,
    id: `${origin}/secrets/${name}/${version.id}`,
    attributes: {
      enabled: version.enabled,
      created: version.created,
      updated: version.created,
      recoveryLevel: 'Recoverable+Purgeable',
      recoverableDays: 90,
    },
    tags: {},
  };
}

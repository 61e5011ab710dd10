import type { EmulatorHandler } from '../emulator/emulator-types';
import { keyVaultErrorResponse } from './azure-error-responses';
import type { AzureKeyVaultEmulatorStore } from './azure-key-vault-emulator-store';
import { issueToken, openIdConfiguration, openIdRoute, tokenRoute } from './entra-emulator-routes';
import { readSecret, secretRoute } from './key-vault-emulator-routes';

/**
 * Key Vault's secrets API and Entra ID's client-credentials endpoints as the Azure SDKs use
 * them, on whichever origin the request came to. Operation labels in the request log:
 * `challenge` (a read without a token), `rejected-token`, `read` (a read with a valid token,
 * whatever its outcome), `token`, `openid` and `unknown`.
 */
export function createAzureKeyVaultEmulatorHandler(
  store: AzureKeyVaultEmulatorStore,
): EmulatorHandler {
  return (request) => {
    const origin = `https://${request.headers.host ?? '127.0.0.1'}`;
    const token = tokenRoute.exec(request.path);
    if (request.method === 'POST' && token !== null) {
      return { operation: 'token', response: issueToken(store, token[1]!, request) };
    }
    const openId = openIdRoute.exec(request.path);
    if (request.method === 'GET' && openId !== null) {
      return { operation: 'openid', response: openIdConfiguration(store, openId[1]!, origin) };
    }
    const secret = secretRoute.exec(request.path);
    if (request.method === 'GET' && secret !== null) {
      if (!request.query.has('api-version')) {
        return {
          operation: 'unknown',
          response: keyVaultErrorResponse(
            400,
            'BadParameter',
            'The api-version query parameter is required.',
          ),
        };
      }
      const version = secret[2] === undefined || secret[2] === '' ? undefined : secret[2];
      return readSecret(store, request, origin, secret[1]!, version);
    }
    return {
      operation: 'unknown',
      response: keyVaultErrorResponse(
        404,
        'NotFound',
        `The emulator does not serve ${request.method} ${request.path}.`,
      ),
    };
  };
}

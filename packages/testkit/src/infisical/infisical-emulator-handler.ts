import type { EmulatorHandler } from '../emulator/emulator-types';
import { login, revoke } from './infisical-emulator-auth';
import { read } from './infisical-emulator-read';
import type { InfisicalEmulatorStore } from './infisical-emulator-store';

const secretRoute = /^\/api\/v3\/secrets\/raw\/([^/]+)$/;

/**
 * Infisical's API as far as a secret reader uses it: the Universal Auth login, the
 * single-secret read (`GET /api/v3/secrets/raw/<name>` with the SDK's query) and token
 * revocation, with Infisical's status codes and error bodies, checked in Infisical's order
 * (token, project membership, folder, permission, secret, version).
 */
export function createInfisicalEmulatorHandler(store: InfisicalEmulatorStore): EmulatorHandler {
  return (request) => {
    if (request.method === 'POST' && request.path === '/api/v1/auth/universal-auth/login') {
      return { operation: 'login', response: login(store, request) };
    }
    if (request.method === 'POST' && request.path === '/api/v1/auth/token/revoke') {
      return { operation: 'revoke', response: revoke(store, request) };
    }
    const secret = secretRoute.exec(request.path);
    if (request.method === 'GET' && secret !== null) {
      return { operation: 'read', response: read(store, request, secret[1]!) };
    }
    return {
      operation: 'unknown',
      response: {
        status: 404,
        body: {
          message: `Route ${request.method}:${request.path} not found`,
          error: 'Not Found',
          statusCode: 404,
        },
      },
    };
  };
}

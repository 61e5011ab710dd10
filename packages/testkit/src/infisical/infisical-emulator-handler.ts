import type {
  EmulatorHandler,
  EmulatorRequest,
  EmulatorResponse,
} from '../emulator/emulator-types';
import { type InfisicalEmulatorStore, normalizeFolderPath } from './infisical-emulator-store';
import type { InfisicalEmulatorIdentity } from './infisical-emulator-types';
import { infisicalErrorResponse } from './infisical-error-response';

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

function login(store: InfisicalEmulatorStore, request: EmulatorRequest): EmulatorResponse {
  const body = parseBody(request.body);
  if (typeof body.clientId !== 'string' || typeof body.clientSecret !== 'string') {
    return infisicalErrorResponse(422, 'ValidationFailure', [
      { code: 'invalid_type', path: ['clientId'], message: 'Required' },
    ]);
  }
  const identity = store.authenticate(body.clientId, body.clientSecret);
  if (identity === undefined) {
    return infisicalErrorResponse(401, 'UnauthorizedError', 'Invalid credentials');
  }
  const { accessToken, expiresIn } = store.issueToken(identity);
  return {
    status: 200,
    body: {
      accessToken,
      expiresIn,
      accessTokenMaxTTL: identity.accessTokenMaxTtlSeconds ?? 2_592_000,
      tokenType: 'Bearer',
    },
  };
}

function revoke(store: InfisicalEmulatorStore, request: EmulatorRequest): EmulatorResponse {
  const body = parseBody(request.body);
  if (typeof body.accessToken !== 'string' || !store.revokeToken(body.accessToken)) {
    return infisicalErrorResponse(
      403,
      'TokenError',
      'The provided access token is malformed. Please use a valid token or generate a new one and try again.',
    );
  }
  return { status: 200, body: { message: 'Successfully revoked access token' } };
}

function read(
  store: InfisicalEmulatorStore,
  request: EmulatorRequest,
  encodedName: string,
): EmulatorResponse {
  const caller = authorize(store, request);
  if ('status' in caller) return caller;
  const found = findFolder(store, request, caller.identity);
  if ('status' in found) return found;
  const { location, folder } = found;
  const name = decodeName(encodedName);
  const versionText = request.query.get('version');
  const version = versionText === null ? undefined : Number(versionText);
  if (name === undefined || (version !== undefined && !Number.isInteger(version))) {
    return infisicalErrorResponse(422, 'ValidationFailure', [
      { code: 'invalid_type', path: ['version'], message: 'Expected number, received nan' },
    ]);
  }
  if (store.denialFor(caller.identity, location, name, 'describe') !== undefined) {
    return infisicalErrorResponse(
      403,
      'PermissionDenied',
      'You are not allowed to describeSecret on secrets',
    );
  }
  const versions = folder.get(name) ?? [];
  const number = version ?? versions.length;
  const value = number >= 1 ? versions[number - 1] : undefined;
  if (value === undefined) {
    return infisicalErrorResponse(404, 'NotFound', `Secret with name '${name}' not found`);
  }
  const viewValue = request.query.get('viewSecretValue') !== 'false';
  if (viewValue && store.denialFor(caller.identity, location, name, 'readValue') !== undefined) {
    return infisicalErrorResponse(
      403,
      'ForbiddenReadSecretError',
      `You do not have permission to view secret value on secret with name '${name}'`,
    );
  }
  return {
    status: 200,
    body: { secret: secretBody(location, name, number, viewValue ? value : undefined) },
  };
}

interface FolderLocation {
  projectId: string;
  environment: string;
  secretPath: string;
}

/** The query's project (the caller must be a member), environment and folder. */
function findFolder(
  store: InfisicalEmulatorStore,
  request: EmulatorRequest,
  identity: InfisicalEmulatorIdentity,
): { location: FolderLocation; folder: Map<string, string[]> } | EmulatorResponse {
  const projectId = request.query.get('workspaceId');
  const environment = request.query.get('environment');
  if (projectId === null || environment === null) {
    return infisicalErrorResponse(400, 'BadRequest', 'Missing workspaceId or environment');
  }
  if (!identity.projects.includes(projectId)) {
    return infisicalErrorResponse(
      403,
      'PermissionDenied',
      'You are not allowed to access this project',
    );
  }
  const secretPath = normalizeFolderPath(request.query.get('secretPath') ?? '/');
  const location = { projectId, environment, secretPath };
  const folder = store.folder(location);
  if (folder === undefined) {
    return infisicalErrorResponse(
      404,
      'GetSecretByName',
      `Folder with path '${secretPath}' in environment with slug '${environment}' not found`,
    );
  }
  return { location, folder };
}

function decodeName(encodedName: string): string | undefined {
  try {
    return decodeURIComponent(encodedName);
  } catch {
    // A malformed escape is a validation failure, answered by the caller.
    return undefined;
  }
}

function authorize(
  store: InfisicalEmulatorStore,
  request: EmulatorRequest,
): { identity: InfisicalEmulatorIdentity } | EmulatorResponse {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  if (match === null) return infisicalErrorResponse(401, 'UnauthorizedError', 'Token missing');
  const check = store.checkToken(match[1]!);
  switch (check.status) {
    case 'valid':
      return { identity: check.identity };
    case 'expired':
      return infisicalErrorResponse(
        403,
        'TokenError',
        'Your token has expired. Please re-authenticate.',
      );
    case 'revoked':
      return infisicalErrorResponse(
        401,
        'UnauthorizedError',
        'Failed to authorize: token has been revoked',
      );
    default:
      return infisicalErrorResponse(
        403,
        'TokenError',
        'The provided access token is malformed. Please use a valid token or generate a new one and try again.',
      );
  }
}

function secretBody(
  location: FolderLocation,
  key: string,
  version: number,
  value: string | undefined,
): Record<string, unknown> {
  const id = `secret-${location.projectId}-${location.environment}-${key}`;
  return {
    id,
    _id: id,
    workspace: location.projectId,
    environment: location.environment,
    secretPath: location.secretPath,
    version,
    type: 'shared',
    secretKey: key,
    secretValue: value ?? '<hidden-by-infisical>',
    secretValueHidden: value === undefined,
    secretComment: '',
    isRotatedSecret: false,
    tags: [],
    secretMetadata: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

function parseBody(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    // An unreadable body is answered like a body without the fields: 422 from the caller.
    return {};
  }
}

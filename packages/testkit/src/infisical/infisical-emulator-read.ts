import type { EmulatorRequest, EmulatorResponse } from '../emulator/emulator-types';
import { authorize } from './infisical-emulator-auth';
import { type InfisicalEmulatorStore, normalizeFolderPath } from './infisical-emulator-store';
import type { InfisicalEmulatorIdentity } from './infisical-emulator-types';
import { infisicalErrorResponse } from './infisical-error-response';

const describeDenied = 'You are not allowed to describeSecret on secrets';

/**
 * `GET /api/v3/secrets/raw/<name>`, checked in Infisical's order: token, project membership,
 * folder, `describe` permission, secret and version, `readValue` permission.
 */
export function read(
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
  const version = versionOf(request);
  if (name === undefined || Number.isNaN(version)) {
    return infisicalErrorResponse(422, 'ValidationFailure', [
      { code: 'invalid_type', path: ['version'], message: 'Expected number, received nan' },
    ]);
  }
  if (store.denialFor(caller.identity, location, name, 'describe') !== undefined) {
    return infisicalErrorResponse(403, 'PermissionDenied', describeDenied);
  }
  const versions = folder.get(name) ?? [];
  const number = version ?? versions.length;
  const value = versions[number - 1];
  if (number < 1 || value === undefined) {
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

/** The `version` asked for: undefined for none, NaN for one that is not a whole number. */
function versionOf(request: EmulatorRequest): number | undefined {
  const text = request.query.get('version');
  if (text === null) return undefined;
  const version = Number(text);
  return Number.isInteger(version) ? version : Number.NaN;
}

function decodeName(encodedName: string): string | undefined {
  try {
    return decodeURIComponent(encodedName);
  } catch {
    // A malformed escape is a validation failure, answered by the caller.
    return undefined;
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

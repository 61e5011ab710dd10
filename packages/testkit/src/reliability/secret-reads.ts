import type { EmulatorLogEntry } from '../emulator/emulator-types';

/** What one logged request read: a secret's path (decoded) and the version asked for. */
export interface SecretRead {
  path: string;
  version?: string;
}

/** Decodes `%XX` escapes; `undefined` when they are not valid UTF-8. */
function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The query's parameters when they are exactly the allowed ones, else `undefined`. */
function onlyParameters(query: string, allowed: readonly string[]): URLSearchParams | undefined {
  const parameters = new URLSearchParams(query);
  return [...parameters.keys()].every((name) => allowed.includes(name)) ? parameters : undefined;
}

function withVersion(path: string, version: string | null | undefined): SecretRead {
  return version === null || version === undefined || version === '' ? { path } : { path, version };
}

/** Vault: `GET /v1/secret/data/<segments>[?version=N]` and nothing else. */
function vaultSecretRead(entry: EmulatorLogEntry): SecretRead | undefined {
  const match = /^\/v1\/secret\/data\/(.+)$/.exec(entry.path);
  const parameters = onlyParameters(entry.query, ['version']);
  if (entry.method !== 'GET' || match === null || parameters === undefined) return undefined;
  const segments = match[1]!.split('/').map(decode);
  if (segments.some((segment) => segment === undefined)) return undefined;
  return withVersion(segments.join('/'), parameters.get('version'));
}

/** Azure Key Vault: `GET /secrets/<name>/[<version>]?api-version=...` and nothing else. */
function azureSecretRead(entry: EmulatorLogEntry): SecretRead | undefined {
  const match = /^\/secrets\/([^/]+)\/([^/]*)$/.exec(entry.path);
  const parameters = onlyParameters(entry.query, ['api-version']);
  if (entry.method !== 'GET' || match === null || parameters === undefined) return undefined;
  const name = decode(match[1]!);
  const version = decode(match[2]!);
  if (name === undefined || version === undefined) return undefined;
  return withVersion(name, version);
}

/** Infisical: `GET /api/v3/secrets/raw/<name>` in the integration's project and folder. */
function infisicalSecretRead(entry: EmulatorLogEntry): SecretRead | undefined {
  const match = /^\/api\/v3\/secrets\/raw\/([^/]+)$/.exec(entry.path);
  const parameters = onlyParameters(entry.query, [
    'workspaceId',
    'environment',
    'secretPath',
    'viewSecretValue',
    'expandSecretReferences',
    'version',
  ]);
  if (entry.method !== 'GET' || match === null || parameters === undefined) return undefined;
  const inPlace =
    parameters.get('workspaceId') === 'project-1' &&
    parameters.get('environment') === 'prod' &&
    parameters.get('secretPath') === '/';
  const name = decode(match[1]!);
  if (!inPlace || name === undefined) return undefined;
  return withVersion(name, parameters.get('version'));
}

/** For each provider type: the secret a logged request read, or `undefined` if it read none. */
export const SECRET_READS: Readonly<
  Record<string, (entry: EmulatorLogEntry) => SecretRead | undefined>
> = {
  vault: vaultSecretRead,
  azure_key_vault: azureSecretRead,
  infisical: infisicalSecretRead,
};

/** For each provider type: the log labels of requests that log in or out (and read nothing). */
export const SESSION_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  vault: ['login', 'revoke-self'],
  azure_key_vault: ['token', 'openid'],
  infisical: ['login', 'revoke'],
};

import type { InfisicalEmulatorOptions } from '../start-infisical-emulator';

/** The seeded identity's client secret: a canary. */
export const clientSecret = 'CANARY-INFISICAL-EMULATOR-SECRET-51c2';

/** One identity (token TTL 60 s), two projects, versions, a nested folder and two denials. */
export function seeded(now: () => number): InfisicalEmulatorOptions {
  return {
    now,
    identities: [
      { clientId: 'identity-a', clientSecret, projects: ['project-1'], accessTokenTtlSeconds: 60 },
    ],
    projects: [{ id: 'project-2', environments: ['dev'] }],
    secrets: [
      { projectId: 'project-1', environment: 'prod', key: 'API_KEY', versions: ['one', 'two'] },
      {
        projectId: 'project-1',
        environment: 'prod',
        secretPath: '/backend/api',
        key: 'DB_PASSWORD',
        versions: ['deep'],
      },
      { projectId: 'project-1', environment: 'prod', key: 'LOCKED', versions: ['no'] },
      { projectId: 'project-1', environment: 'prod', key: 'HIDDEN', versions: ['masked'] },
    ],
    denials: [
      { clientId: 'identity-a', projectId: 'project-1', key: 'LOCKED' },
      { clientId: 'identity-a', projectId: 'project-1', key: 'HIDDEN', action: 'readValue' },
    ],
  };
}

/** Logs the seeded identity in (or tries to, with another secret). */
export async function login(url: string, secret = clientSecret): Promise<Response> {
  return fetch(`${url}/api/v1/auth/universal-auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'identity-a', clientSecret: secret }),
  });
}

/** A token for the seeded identity. */
export async function token(url: string): Promise<string> {
  return ((await (await login(url)).json()) as { accessToken: string }).accessToken;
}

/** Reads a secret of project-1/prod with the SDK's query, overridable. */
export function read(
  url: string,
  accessToken: string,
  name: string,
  query: Record<string, string> = {},
) {
  const search = new URLSearchParams({
    workspaceId: 'project-1',
    environment: 'prod',
    secretPath: '/',
    ...query,
  });
  return fetch(`${url}/api/v3/secrets/raw/${encodeURIComponent(name)}?${search}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
}

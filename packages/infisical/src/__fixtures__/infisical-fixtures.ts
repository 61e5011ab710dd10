import type { Logger } from '@fromsecret/core';
import type { InfisicalEmulatorOptions } from '@fromsecret/testkit';

/** Canary credentials and values: any of them in a message, log line or JSON is a leak. */
export const canary = {
  clientId: 'CANARY-INFISICAL-CLIENT-ID-19be',
  clientSecret: 'CANARY-INFISICAL-CLIENT-SECRET-7f3a',
  apiKeyV1: 'CANARY-VALUE-API-KEY-V1-2d6e',
  apiKeyV2: 'CANARY-VALUE-API-KEY-V2-8c41',
  dbPassword: 'CANARY-VALUE-DB-PASSWORD-5b90',
  denied: 'CANARY-VALUE-DENIED-0a7f',
} as const;

/** A store with one identity, a project with versions, a nested folder and two denials. */
export function seededStore(now: () => number): InfisicalEmulatorOptions {
  return {
    now,
    identities: [
      {
        clientId: canary.clientId,
        clientSecret: canary.clientSecret,
        projects: ['project-1'],
        accessTokenTtlSeconds: 120,
      },
    ],
    projects: [{ id: 'project-2', environments: ['prod'] }],
    secrets: [
      {
        projectId: 'project-1',
        environment: 'prod',
        key: 'API_KEY',
        versions: [canary.apiKeyV1, canary.apiKeyV2],
      },
      {
        projectId: 'project-1',
        environment: 'prod',
        secretPath: '/backend',
        key: 'DB_PASSWORD',
        versions: [canary.dbPassword],
      },
      { projectId: 'project-1', environment: 'prod', key: 'LOCKED', versions: [canary.denied] },
      { projectId: 'project-1', environment: 'prod', key: 'MASKED', versions: [canary.denied] },
    ],
    denials: [
      { clientId: canary.clientId, projectId: 'project-1', key: 'LOCKED' },
      { clientId: canary.clientId, projectId: 'project-1', key: 'MASKED', action: 'readValue' },
    ],
  };
}

/** Provider settings for the seeded store at `siteUrl`. */
export function settingsFor(siteUrl: string, overrides: Record<string, unknown> = {}) {
  return {
    siteUrl,
    clientId: canary.clientId,
    clientSecret: canary.clientSecret,
    projectId: 'project-1',
    environment: 'prod',
    ...overrides,
  };
}

/** A logger that keeps every line, to assert on what was logged and that nothing leaked. */
export function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (message: string, fields?: object): void => {
      lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    };
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the integrations file uses the ${NAME} syntax.
import { describe, expect, it } from 'vitest';
import { parseIntegrationsFile } from './integrations-file';

const valid = {
  id: 1,
  name: 'vault-prod',
  type: 'vault',
  config: { address: 'https://vault.example.com', secretId: '${SECRET_ID}' },
  allow: { users: [], orgs: ['acme'], repos: ['acme/app'], forks: false },
};

function problems(value: unknown, environment: Record<string, string> = {}) {
  return parseIntegrationsFile(value, environment).problems.map((problem) => [
    problem.pointer,
    problem.error.code,
  ]);
}

describe('parseIntegrationsFile', () => {
  it('returns each integration with its environment variables substituted', () => {
    const result = parseIntegrationsFile(
      { integrations: [valid, { ...valid, id: 2, name: 'other', allow: undefined }] },
      { SECRET_ID: 'CANARY-SECRET-ID-7f3a' },
    );
    expect(result.problems).toEqual([]);
    expect(result.integrations[0]).toEqual({
      ...valid,
      config: { ...valid.config, secretId: 'CANARY-SECRET-ID-7f3a' },
      pointer: '/integrations/0',
    });
    expect(result.integrations[1]!.allow).toEqual({ users: [], orgs: [], repos: [], forks: false });
  });

  it('reports unknown keys at every level, with the nearest valid key', () => {
    const result = parseIntegrationsFile(
      { integrations: [{ ...valid, nme: 'x', allow: { ...valid.allow, org: [] } }], extra: true },
      { SECRET_ID: 'x' },
    );
    expect(
      result.problems.map((problem) => [problem.pointer, problem.target, problem.error.message]),
    ).toEqual([
      ['/extra', 'key', 'Unknown key "extra" in the integrations file. Valid keys: integrations.'],
      [
        '/integrations/0/nme',
        'key',
        'Unknown key "nme" in an integration. Did you mean "name"? Valid keys: id, name, type, config, allow.',
      ],
      [
        '/integrations/0/allow/org',
        'key',
        'Unknown key "org" in "allow". Did you mean "orgs"? Valid keys: users, orgs, repos, forks.',
      ],
    ]);
  });

  it('reports missing and malformed fields, duplicates and the unset variable together', () => {
    expect(
      problems({
        integrations: [
          valid,
          { ...valid, name: 'VAULT-PROD' },
          { id: 0, name: 'bad name', type: 'Vault', config: 'x' },
          { name: 'x' },
          { ...valid, id: 9, name: 'n9', allow: { repos: ['acme'], forks: 'yes', users: [''] } },
        ],
      }),
    ).toEqual([
      ['/integrations/0/config/secretId', 'ENVIRONMENT_VARIABLE_NOT_SET'],
      ['/integrations/1/config/secretId', 'ENVIRONMENT_VARIABLE_NOT_SET'],
      ['/integrations/4/config/secretId', 'ENVIRONMENT_VARIABLE_NOT_SET'],
      ['/integrations/2/id', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/2/name', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/2/type', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/2/config', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/3', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/3', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/3', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/4/allow/users', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/4/allow/repos/0', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/4/allow/forks', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/1/id', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/1/name', 'INVALID_INTEGRATIONS_FILE'],
    ]);
  });

  it('rejects a file that is not a map with an integrations list', () => {
    expect(problems(null)).toEqual([['', 'INVALID_INTEGRATIONS_FILE']]);
    expect(problems({ integrations: {} })).toEqual([['', 'INVALID_INTEGRATIONS_FILE']]);
  });
});

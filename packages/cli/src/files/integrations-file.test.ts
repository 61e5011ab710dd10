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
      [
        '/extra',
        'key',
        'Unknown key "extra" in the integrations file. Valid keys: integrations, providers.',
      ],
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

  it('reads the providers map, reporting each bad type and package name at its place', () => {
    const result = parseIntegrationsFile(
      {
        integrations: [],
        providers: {
          acme_store: '@acme/fromsecret-store',
          plain: 'fromsecret-provider-plain',
          'Acme-Store': '@acme/x',
          vault: '@acme/vault',
          local: './provider.js',
          subpath: '@acme/store/provider',
          number: 7,
          env: '${STORE_PACKAGE}',
        },
      },
      { STORE_PACKAGE: '@acme/from-env' },
    );
    expect(Object.fromEntries(result.providers)).toEqual({
      acme_store: '@acme/fromsecret-store',
      plain: 'fromsecret-provider-plain',
      env: '@acme/from-env',
    });
    expect(
      result.problems.map((problem) => [problem.pointer, problem.target, problem.error.code]),
    ).toEqual([
      ['/providers/Acme-Store', 'key', 'INVALID_INTEGRATIONS_FILE'],
      ['/providers/vault', 'key', 'INVALID_INTEGRATIONS_FILE'],
      ['/providers/local', 'value', 'INVALID_INTEGRATIONS_FILE'],
      ['/providers/subpath', 'value', 'INVALID_INTEGRATIONS_FILE'],
      ['/providers/number', 'value', 'INVALID_INTEGRATIONS_FILE'],
    ]);
    expect(result.problems[1]!.error.message).toBe(
      'In "providers": "vault" is built in (@fromsecret/vault) and cannot be mapped to another package.',
    );
    expect(problems({ integrations: [], providers: ['x'] })).toEqual([
      ['/providers', 'INVALID_INTEGRATIONS_FILE'],
    ]);
  });

  it('reads no setting when settings are ignored, so unset credentials are no problem', () => {
    const file = { integrations: [valid, { ...valid, id: 2, name: 'n2', config: 'x' }] };
    const result = parseIntegrationsFile(file, {}, { settings: 'ignore' });
    expect(result.integrations.map((entry) => [entry.type, entry.config])).toEqual([['vault', {}]]);
    expect(result.problems.map((problem) => problem.pointer)).toEqual(['/integrations/1/config']);
    expect(file.integrations[0]!.config).toEqual(valid.config);
  });

  it('rejects a file that is not a map with an integrations list', () => {
    expect(problems(null)).toEqual([['', 'INVALID_INTEGRATIONS_FILE']]);
    expect(problems({ integrations: {} })).toEqual([['', 'INVALID_INTEGRATIONS_FILE']]);
  });
});

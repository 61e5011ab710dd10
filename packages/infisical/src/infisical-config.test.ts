import { SecretError } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { infisicalFields, parseInfisicalConfig } from './infisical-config';

const clientSecret = 'CANARY-INFISICAL-CLIENT-SECRET-7f3a';
const valid = {
  clientId: 'CANARY-INFISICAL-CLIENT-ID-19be',
  clientSecret,
  projectId: 'project-1',
  environment: 'prod',
};

function issuesOf(input: unknown): readonly string[] {
  try {
    parseInfisicalConfig(input);
  } catch (error) {
    if (SecretError.isInstance(error) && error.code === 'INVALID_CONFIG') return error.issues ?? [];
    throw error;
  }
  throw new Error('parseInfisicalConfig accepted the input');
}

describe('parseInfisicalConfig', () => {
  it('applies the defaults for siteUrl and secretPath', () => {
    expect(parseInfisicalConfig(valid)).toEqual({
      ...valid,
      siteUrl: 'https://app.infisical.com',
      secretPath: '/',
    });
  });

  it('drops trailing slashes from siteUrl and secretPath, and keeps a path prefix', () => {
    const config = parseInfisicalConfig({
      ...valid,
      siteUrl: 'https://infisical.example.com/vault/',
      secretPath: '/backend/api/',
    });
    expect(config.siteUrl).toBe('https://infisical.example.com/vault');
    expect(config.secretPath).toBe('/backend/api');
  });

  it('reports every problem at once, naming settings and never quoting a value', () => {
    const issues = issuesOf({
      siteUrl: 'ftp://infisical.example.com',
      clientSecret: `  ${clientSecret}`,
      environment: 'Production Env',
      secretPath: 'backend',
      projectID: 'project-1',
    });
    expect(issues).toEqual([
      'unknown setting "projectID"; did you mean "projectId"?',
      expect.stringMatching(/^"siteUrl" must be an http or https URL/),
      expect.stringMatching(/^"clientId" is required/),
      expect.stringMatching(/^"clientSecret" has leading or trailing whitespace/),
      expect.stringMatching(/^"projectId" is required/),
      expect.stringMatching(/^"environment" must be an environment slug/),
      expect.stringMatching(/^"secretPath" must start with "\/"/),
    ]);
    expect(issues.join('\n')).not.toContain(clientSecret);
  });

  it.each([
    ['/a//b'],
    ['/a/../b'],
    ['/./a'],
    ['/a?b'],
    ['/a#b'],
    ['/a%2Fb'],
    ['/a\\b'],
    ['/a\u0007'],
  ])('rejects the secretPath %j', (secretPath) => {
    expect(issuesOf({ ...valid, secretPath })).toEqual([
      expect.stringMatching(/^"secretPath" must be a folder path/),
    ]);
  });

  it('rejects credentials, a query or a fragment in siteUrl', () => {
    expect(issuesOf({ ...valid, siteUrl: 'https://user:pass@infisical.example.com' })).toEqual([
      expect.stringMatching(/^"siteUrl" must not hold a user name or password/),
    ]);
    expect(issuesOf({ ...valid, siteUrl: 'https://infisical.example.com/?x=1' })).toEqual([
      expect.stringMatching(/^"siteUrl" must not have a query or a fragment/),
    ]);
  });

  it('accepts a PEM caCert and rejects text that is not one', () => {
    expect(issuesOf({ ...valid, caCert: 'not a certificate' })).toEqual([
      expect.stringMatching(/^"caCert" must be one or more PEM certificates/),
    ]);
  });

  it('marks only clientSecret as secret and gives every setting a label and kind', () => {
    expect(infisicalFields.filter((field) => field.secret).map((field) => field.name)).toEqual([
      'clientSecret',
    ]);
    expect(infisicalFields.map((field) => field.name)).toEqual([
      'siteUrl',
      'clientId',
      'clientSecret',
      'projectId',
      'environment',
      'secretPath',
      'caCert',
    ]);
  });
});

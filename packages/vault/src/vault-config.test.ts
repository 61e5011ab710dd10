import { SecretError } from '@fromsecret/core';
import { generateTestCertificates } from '@fromsecret/testkit';
import { describe, expect, it } from 'vitest';
import { parseVaultConfig, vaultConfigFields } from './vault-config';

const roleId = 'CANARY-ROLE-ID-config-1d2e';
const secretId = 'CANARY-SECRET-ID-config-7f3a';
const minimal = { address: 'https://vault.example.com:8200', roleId, secretId };

function issuesOf(input: unknown): readonly string[] {
  try {
    parseVaultConfig(input);
  } catch (error) {
    if (!SecretError.isInstance(error) || error.code !== 'INVALID_CONFIG') throw error;
    expect(error.message).not.toContain(roleId);
    expect(error.message).not.toContain(secretId);
    return error.issues ?? [];
  }
  throw new Error('expected INVALID_CONFIG');
}

describe('parseVaultConfig', () => {
  it('applies the defaults', () => {
    expect(parseVaultConfig(minimal)).toEqual({
      ...minimal,
      authPath: 'approle',
      mountPath: 'secret',
      skipTlsVerify: false,
      kvVersion: 2,
    });
  });

  it('accepts every setting, with booleans and KV versions given as text', () => {
    const { caCert } = generateTestCertificates();
    const config = parseVaultConfig({
      ...minimal,
      address: 'https://vault.example.com:8200/',
      authPath: 'teams/approle',
      mountPath: 'kv/ci',
      namespace: 'team-a/ci',
      caCert,
      kvVersion: '1',
    });
    expect(config).toMatchObject({
      address: 'https://vault.example.com:8200',
      authPath: 'teams/approle',
      mountPath: 'kv/ci',
      namespace: 'team-a/ci',
      caCert,
      kvVersion: 1,
    });
    expect(parseVaultConfig({ ...minimal, skipTlsVerify: 'true' }).skipTlsVerify).toBe(true);
  });

  it('reports every issue at once, naming each setting and never a value', () => {
    const issues = issuesOf({
      address: 'ftp://vault.example.com',
      roleId: '',
      secretID: secretId,
      mountPath: '/secret/',
      caCert: `-----BEGIN CERTIFICATE-----\n${roleId}\n-----END CERTIFICATE-----`,
      kvVersion: 3,
    });
    expect(issues.join('\n')).toMatch(/"address" must be an http or https URL/);
    expect(issues.join('\n')).toMatch(/"roleId" is required/);
    expect(issues.join('\n')).toMatch(/unknown setting "secretID"; did you mean "secretId"\?/);
    expect(issues.join('\n')).toMatch(/"mountPath" must not start or end with "\/"/);
    expect(issues.join('\n')).toMatch(/"caCert" must be one or more PEM certificates/);
    expect(issues.join('\n')).toMatch(/"kvVersion" must be one of 2, 1/);
    expect(issues).toHaveLength(7);
  });

  it('rejects mount and auth paths that would leave their mount', () => {
    const issues = issuesOf({ ...minimal, authPath: 'approle/../sys', mountPath: 'kv?x' });
    expect(issues).toEqual([
      expect.stringMatching(/"authPath" has an empty, "\." or "\.\." segment/),
      expect.stringMatching(/"mountPath" must not contain spaces or any of/),
    ]);
  });

  it('rejects contradictory and misplaced TLS settings', () => {
    const { caCert } = generateTestCertificates();
    expect(issuesOf({ ...minimal, skipTlsVerify: true, caCert })).toEqual([
      expect.stringMatching(/"skipTlsVerify" and "caCert" are both set/),
    ]);
    expect(issuesOf({ ...minimal, address: 'http://127.0.0.1:8200', skipTlsVerify: true })).toEqual(
      [expect.stringMatching(/"skipTlsVerify" only applies to an https address/)],
    );
  });

  it('rejects an address holding credentials, a query, or the /v1 prefix', () => {
    expect(issuesOf({ ...minimal, address: `https://user:${secretId}@vault.example.com` })).toEqual(
      [expect.stringMatching(/must not hold credentials/)],
    );
    expect(issuesOf({ ...minimal, address: 'https://vault.example.com/v1' })).toEqual([
      expect.stringMatching(/ends in \/v1/),
    ]);
    expect(issuesOf({ ...minimal, address: 'https://vault.example.com/?x=1' })).toEqual([
      expect.stringMatching(/must not have a query/),
    ]);
  });

  it('marks the role id and the secret id as secret settings', () => {
    const secret = vaultConfigFields.filter((field) => field.secret).map((field) => field.name);
    expect(secret).toEqual(['roleId', 'secretId']);
  });
});

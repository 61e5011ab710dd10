import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConfigField } from '../spec/v1/config-field';
import { invalidConfigError } from './invalid-config-error';
import { parseConfigFields } from './parse-config-fields';
import { redactConfig, secretSettingValues } from './secret-setting-values';

const fields: readonly ConfigField[] = [
  {
    name: 'address',
    label: 'Address',
    description: 'the server URL',
    required: true,
    secret: false,
    kind: 'url',
  },
  { name: 'secretId', label: 'Secret ID', required: true, secret: true, kind: 'string' },
  {
    name: 'mountPath',
    label: 'Mount',
    required: false,
    secret: false,
    kind: 'string',
    default: 'secret',
  },
  {
    name: 'skipTlsVerify',
    label: 'Skip TLS',
    required: false,
    secret: false,
    kind: 'boolean',
    default: false,
  },
  {
    name: 'kvVersion',
    label: 'KV version',
    required: false,
    secret: false,
    kind: 'integer',
    default: 2,
  },
  {
    name: 'mode',
    label: 'Mode',
    required: false,
    secret: false,
    kind: 'select',
    options: ['a', 'b'],
  },
  { name: 'caCert', label: 'CA', required: false, secret: false, kind: 'pem' },
];

describe('parseConfigFields', () => {
  it('applies defaults and converts text forms of booleans and integers', () => {
    const result = parseConfigFields(fields, {
      address: 'https://vault.example.com:8200',
      secretId: 'CANARY-SECRET',
      skipTlsVerify: 'true',
      kvVersion: '1',
    });
    expect(result.issues).toEqual([]);
    expect(result.values).toEqual({
      address: 'https://vault.example.com:8200',
      secretId: 'CANARY-SECRET',
      mountPath: 'secret',
      skipTlsVerify: true,
      kvVersion: 1,
    });
  });

  it('reports every issue at once, with a hint for a misspelt setting, and never quotes a value', () => {
    const result = parseConfigFields(fields, {
      adress: 'https://vault.example.com',
      secretId: ' CANARY-SECRET-WITH-SPACE ',
      skipTlsVerify: 'yes',
      kvVersion: 2.5,
      mode: 'c',
      caCert: 'not a certificate CANARY-PEM',
    });
    expect(result.issues).toEqual([
      'unknown setting "adress"; did you mean "address"?',
      '"address" is required: the server URL',
      '"secretId" has leading or trailing whitespace; remove it (a copy-paste slip?)',
      '"skipTlsVerify" must be true or false',
      '"kvVersion" must be a whole number',
      '"mode" must be one of a, b',
      '"caCert" must be one or more PEM certificates (-----BEGIN CERTIFICATE----- ...)',
    ]);
    expect(result.issues.join('\n')).not.toContain('CANARY');
  });

  it('rejects URLs that are not absolute http or https', () => {
    expect(parseConfigFields(fields, { address: 'vault:8200', secretId: 'x' }).issues).toEqual([
      '"address" must be an http or https URL',
    ]);
    expect(parseConfigFields(fields, { address: 'not a url', secretId: 'x' }).issues).toEqual([
      '"address" must be an absolute URL such as https://host:port',
    ]);
  });

  it('rejects a PEM block that is not a parseable certificate', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const fake = `-----BEGIN CERTIFICATE-----\n${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}\n-----END CERTIFICATE-----`;
    expect(
      parseConfigFields(fields, { address: 'https://a', secretId: 'x', caCert: fake }).issues,
    ).toHaveLength(1);
  });

  it('rejects settings that are not an object', () => {
    expect(parseConfigFields(fields, 'address=https://a').issues).toEqual([
      'settings must be an object of name: value pairs',
    ]);
    expect(parseConfigFields(fields, ['a']).issues).toHaveLength(1);
  });

  it('ignores inherited properties', () => {
    const input = Object.create({ address: 'https://inherited.example' }) as Record<
      string,
      unknown
    >;
    input.secretId = 'x';
    expect(parseConfigFields(fields, input).issues).toEqual([
      '"address" is required: the server URL',
    ]);
  });
});

describe('invalidConfigError', () => {
  it('is one INVALID_CONFIG error listing every issue', () => {
    const error = invalidConfigError('vault', [
      '"address" is required',
      '"kvVersion" must be 1 or 2',
    ]);
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.issues).toEqual(['"address" is required', '"kvVersion" must be 1 or 2']);
    expect(error.message).toContain('2 issues');
    expect(error.toJSON().issues).toHaveLength(2);
  });
});

describe('secret settings', () => {
  it('lists secret values for redaction and masks them in a copy', () => {
    const config = { address: 'https://a', secretId: 'CANARY-SECRET', mountPath: 'secret' };
    expect(secretSettingValues(fields, config)).toEqual(['CANARY-SECRET']);
    expect(redactConfig(fields, config)).toEqual({ ...config, secretId: '********' });
    expect(secretSettingValues(fields, null)).toEqual([]);
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the integrations file uses the ${NAME} syntax.
import type { ProviderDefinition } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { integrationsSchema } from './integrations-schema';

const definition: ProviderDefinition = {
  specificationVersion: 'v1',
  type: 'example',
  displayName: 'Example store',
  fields: [
    {
      name: 'address',
      label: 'Address',
      description: 'the server URL',
      required: true,
      secret: false,
      kind: 'url',
    },
    { name: 'token', label: 'Token', required: true, secret: true, kind: 'string' },
    {
      name: 'retries',
      label: 'Retries',
      required: false,
      secret: false,
      kind: 'integer',
      default: 2,
    },
    { name: 'tls', label: 'TLS', required: false, secret: false, kind: 'boolean', default: true },
    {
      name: 'mode',
      label: 'Mode',
      required: false,
      secret: false,
      kind: 'select',
      options: ['a', 'b'],
    },
  ],
  parseConfig: (input) => input,
  create: () => {
    throw new Error('not used');
  },
};

describe('integrationsSchema', () => {
  const schema = integrationsSchema([definition]) as {
    definitions: Record<
      string,
      { properties: Record<string, unknown>; required: string[]; allOf?: unknown[] }
    >;
  };

  it('describes each type config from its fields, closed to unknown settings', () => {
    const config = schema.definitions.config_example!;
    expect(config).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['address', 'token'],
    });
    expect(config.properties.retries).toMatchObject({
      default: 2,
      anyOf: [{ type: 'integer' }, { type: 'string' }],
    });
    expect(config.properties.mode).toMatchObject({
      anyOf: [{ enum: ['a', 'b'] }, { type: 'string' }],
    });
    expect(JSON.stringify(config.properties.token)).toContain('Secret: write it as');
  });

  it('selects the config schema by type, and closes integrations and allow', () => {
    expect(schema.definitions.integration!.allOf).toEqual([
      {
        if: { properties: { type: { const: 'example' } }, required: ['type'] },
        // biome-ignore lint/suspicious/noThenProperty: if/then is a JSON Schema keyword.
        then: { properties: { config: { $ref: '#/definitions/config_example' } } },
      },
    ]);
    expect(schema.definitions.integration).toMatchObject({
      additionalProperties: false,
      required: ['id', 'name', 'type', 'config'],
    });
    expect(schema.definitions.allow).toMatchObject({ additionalProperties: false });
  });

  it('maps third-party types to package names in "providers", never a built-in type', () => {
    const providers = (integrationsSchema([definition]) as { properties: Record<string, object> })
      .properties.providers as {
      propertyNames: { pattern: string; not: { enum: string[] } };
      additionalProperties: { pattern: string };
    };
    const type = new RegExp(providers.propertyNames.pattern);
    expect(type.test('acme_store')).toBe(true);
    expect(type.test('Acme')).toBe(false);
    expect(providers.propertyNames.not.enum).toEqual(['vault', 'azure_key_vault', 'infisical']);
    const name = new RegExp(providers.additionalProperties.pattern);
    expect(
      ['@acme/fromsecret-store', 'fromsecret-provider-acme'].map((value) => name.test(value)),
    ).toEqual([true, true]);
    expect(
      ['./local.js', '@acme/store/sub', 'Acme', '@acme'].some((value) => name.test(value)),
    ).toBe(false);
  });

  it('lets settings be written as ${NAME} whatever their kind', () => {
    const pattern = (value: unknown) =>
      new RegExp((value as { anyOf: Array<{ pattern?: string }> }).anyOf[1]!.pattern!);
    const config = schema.definitions.config_example!;
    expect(pattern(config.properties.tls).test('${TLS}')).toBe(true);
    expect(pattern(config.properties.tls).test('true')).toBe(true);
    expect(pattern(config.properties.tls).test('yes')).toBe(false);
    expect(pattern(config.properties.retries).test('${RETRIES}')).toBe(true);
    const address = new RegExp((config.properties.address as { pattern: string }).pattern);
    expect(address.test('https://${HOST}:8200')).toBe(true);
    expect(address.test('vault:8200')).toBe(false);
  });
});

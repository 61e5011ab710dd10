import {
  BUILT_IN_PROVIDER_PACKAGES,
  type ConfigField,
  PROVIDER_TYPE_PATTERN,
  type ProviderDefinition,
} from '@fromsecret/core';
import { MAX_PACKAGE_NAME_LENGTH, PACKAGE_NAME_PATTERN } from '../registry/package-name';

const VARIABLE = '\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}';
const ONLY_VARIABLE = `^${VARIABLE}$`;

/**
 * The JSON Schema (draft-07) of an integrations file (design §12), generated from the
 * providers' `fields`, so that editors complete and check each type's settings. Every setting
 * also accepts `${NAME}` (an environment variable), which is how credentials should be written.
 */
export function integrationsSchema(definitions: readonly ProviderDefinition[]): object {
  const types = definitions.map((definition) => definition.type);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'fromsecret integrations file',
    description:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the schema documents the ${NAME} syntax.
      'Integrations for fromsecret resolve and fromsecret test. ${NAME} in any value is replaced by the environment variable NAME.',
    type: 'object',
    additionalProperties: false,
    required: ['integrations'],
    properties: {
      integrations: { type: 'array', items: { $ref: '#/definitions/integration' } },
      providers: providersDefinition(),
    },
    definitions: {
      integration: integrationDefinition(definitions, types),
      allow: allowDefinition(),
      ...Object.fromEntries(
        definitions.map((definition) => [
          `config_${definition.type}`,
          configDefinition(definition),
        ]),
      ),
    },
  };
}

function integrationDefinition(
  definitions: readonly ProviderDefinition[],
  types: string[],
): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'type', 'config'],
    properties: {
      id: {
        type: 'integer',
        minimum: 1,
        description: 'Unique positive id; from_secret may name the integration by it.',
      },
      name: {
        type: 'string',
        pattern: '^[A-Za-z0-9._-]{1,64}$',
        description: 'Unique name (ignoring case); from_secret names the integration by it.',
      },
      type: {
        description: 'The provider type; run fromsecret providers for the installed ones.',
        anyOf: [{ enum: types }, { type: 'string', pattern: '^[a-z][a-z0-9_]*$' }],
      },
      config: { type: 'object', description: "The provider's settings." },
      allow: { $ref: '#/definitions/allow' },
    },
    allOf: definitions.map((definition) => ({
      if: { properties: { type: { const: definition.type } }, required: ['type'] },
      // biome-ignore lint/suspicious/noThenProperty: if/then is a JSON Schema keyword, not a thenable.
      then: { properties: { config: { $ref: `#/definitions/config_${definition.type}` } } },
    })),
  };
}

/** The top-level `providers` map: third-party type to the package that provides it. */
function providersDefinition(): object {
  return {
    type: 'object',
    description:
      'Provider type to the npm package that provides it, for a third-party provider not published as fromsecret-provider-<type> (for example a scoped package). Built-in types cannot be mapped.',
    propertyNames: {
      pattern: PROVIDER_TYPE_PATTERN.source,
      not: { enum: Object.keys(BUILT_IN_PROVIDER_PACKAGES) },
    },
    additionalProperties: {
      type: 'string',
      pattern: PACKAGE_NAME_PATTERN,
      maxLength: MAX_PACKAGE_NAME_LENGTH,
    },
  };
}

function allowDefinition(): object {
  const names = (description: string) => ({
    type: 'array',
    items: { type: 'string', minLength: 1 },
    default: [],
    description,
  });
  return {
    type: 'object',
    additionalProperties: false,
    description: 'Who may use the integration. Empty lists (the default) admit nobody.',
    properties: {
      users: names('Users whose pipelines may use it.'),
      orgs: names('Organisations whose pipelines may use it.'),
      repos: {
        ...names('Repositories (owner/name) whose pipelines may use it.'),
        items: { type: 'string', pattern: '^[^/\\s]+/[^/\\s]+$' },
      },
      forks: {
        type: 'boolean',
        default: false,
        description: 'Whether pull requests from forks may use it.',
      },
    },
  };
}

function configDefinition(definition: ProviderDefinition): object {
  return {
    type: 'object',
    additionalProperties: false,
    description: `Settings of ${definition.displayName} (${definition.type}).`,
    required: definition.fields.filter((field) => field.required).map((field) => field.name),
    properties: Object.fromEntries(
      definition.fields.map((field) => [field.name, fieldSchema(field)]),
    ),
  };
}

function fieldSchema(field: ConfigField): object {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the schema documents the ${NAME} syntax.
  const secret = field.secret ? ' Secret: write it as ${ENV_VAR} rather than in the file.' : '';
  const described = {
    title: field.label,
    description: `${field.description ?? field.label}${secret}`,
    ...(field.default === undefined ? {} : { default: field.default }),
  };
  return { ...described, ...kindSchema(field) };
}

function kindSchema(field: ConfigField): object {
  const orVariable = (schema: object, textPattern?: string) => ({
    anyOf: [
      schema,
      {
        type: 'string',
        pattern: textPattern === undefined ? ONLY_VARIABLE : `^(${textPattern})$|${ONLY_VARIABLE}`,
      },
    ],
  });
  switch (field.kind) {
    case 'boolean':
      return orVariable({ type: 'boolean' }, 'true|false');
    case 'integer':
      return orVariable({ type: 'integer' }, '-?[0-9]+');
    case 'select':
      return orVariable({ enum: [...(field.options ?? [])] });
    case 'url':
      return { type: 'string', pattern: `^(https?://.+|.*${VARIABLE}.*)$` };
    default:
      return { type: 'string' };
  }
}

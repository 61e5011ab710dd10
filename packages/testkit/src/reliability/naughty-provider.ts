import {
  type ConfigField,
  type ProviderDefinition,
  SecretError,
  type SecretProvider,
} from '@fromsecret/core';

/** The canary the naughty provider is configured with (a `secret: true` setting). */
export const NAUGHTY_API_KEY = 'CANARY-NAUGHTY-API-KEY-4c2a';
/** The value it serves at path `good`. */
export const NAUGHTY_VALUE = 'CANARY-NAUGHTY-VALUE-b81e';

/** Which step the naughty provider fails at, and how. */
export type NaughtyFailure =
  | 'parse-config'
  | 'create'
  | 'validate-reference'
  | 'read-plain-error'
  | 'read-secret-error'
  | 'read-error-with-cause'
  | 'read-non-error'
  | 'test-connection'
  | 'close';

const fields: readonly ConfigField[] = [
  { name: 'apiKey', label: 'API key', required: true, secret: true, kind: 'string' },
  { name: 'fail', label: 'Failure', required: true, secret: false, kind: 'string' },
];

const leak = `apiKey=${NAUGHTY_API_KEY} value=${NAUGHTY_VALUE}`;

function failWith(kind: string): never {
  switch (kind) {
    case 'read-secret-error':
      throw new SecretError({ code: 'PROVIDER_ERROR', message: `store said no (${leak})` });
    case 'read-error-with-cause':
      throw new Error('store said no', { cause: new Error(`inner ${leak}`) });
    case 'read-non-error':
      throw { message: leak, config: { apiKey: NAUGHTY_API_KEY } };
    default:
      throw new Error(`store said no (${leak})`);
  }
}

/**
 * A third-party provider that does everything a provider must not: it puts its secret
 * setting and the values it served into errors of every kind, at every step. The resolver's
 * second line of defence must keep them all out of what it returns.
 */
export const naughtyProvider: ProviderDefinition<{ apiKey: string; fail: string }> = {
  specificationVersion: 'v1',
  type: 'naughty',
  displayName: 'Naughty',
  fields,
  parseConfig(input) {
    const config = input as { apiKey: string; fail: string };
    if (config.fail === 'parse-config') throw new Error(`bad config ${leak}`);
    return config;
  },
  create(config): SecretProvider {
    if (config.fail === 'create') throw new Error(`cannot create ${leak}`);
    return {
      validateReference(reference) {
        if (config.fail === 'validate-reference' && reference.path === 'bad') {
          throw new SecretError({ code: 'INVALID_REFERENCE', message: `no (${leak})` });
        }
      },
      async testConnection() {
        if (config.fail === 'test-connection') failWith('read-plain-error');
      },
      async read(request) {
        if (request.path === 'good') return { values: { key: NAUGHTY_VALUE } };
        // Let the good read finish first, so that its value is one the resolver has read.
        await new Promise((resolve) => setTimeout(resolve, 5));
        return failWith(config.fail);
      },
      async close() {
        if (config.fail === 'close') throw new Error(`close failed ${leak}`);
      },
    };
  },
};

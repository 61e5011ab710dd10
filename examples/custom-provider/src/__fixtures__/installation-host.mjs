// A host program in a fresh installation (node_modules holds @fromsecret/core and
// fromsecret-provider-encrypted-file side by side, as `npm install` leaves them). It never
// registers the provider: the registry finds it by its type string alone.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  createMemoryIntegrationStore,
  createProviderRegistry,
  createSecretResolver,
} from '@fromsecret/core';
import { sealSecretFile } from 'fromsecret-provider-encrypted-file';

const key = process.env.SEALED_FILE_KEY;
const file = new URL('./secrets.sealed.json', import.meta.url).pathname;
await writeFile(
  file,
  sealSecretFile({
    keys: [key],
    secrets: [{ path: 'crow/myapp', versions: [{ api_key: 'resolved from the sealed file' }] }],
  }),
);

const registry = createProviderRegistry();
const typesBeforeLoad = registry.types();
const definition = await registry.load('encrypted_file');
const integrations = createMemoryIntegrationStore([
  {
    id: 1,
    name: 'sealed',
    type: 'encrypted_file',
    config: { file, key },
    allow: { users: [], orgs: [], repos: ['acme/app'] },
  },
]);
const resolver = createSecretResolver({ registry, integrations });
const pipeline = {
  steps: [
    {
      name: 'deploy',
      environment: {
        API_KEY: { from_secret: { integration: 'sealed', path: 'crow/myapp', key: 'api_key' } },
      },
    },
  ],
};
const connection = await resolver.testConnection('sealed');
const result = await resolver.resolvePipeline(pipeline, { repo: 'acme/app' });
await resolver.close();
const required = createRequire(import.meta.url)('fromsecret-provider-encrypted-file');

process.stdout.write(
  JSON.stringify({
    typesBeforeLoad,
    typesAfterLoad: registry.types(),
    loaded: { type: definition.type, displayName: definition.displayName },
    connection: connection.ok ? connection.message : connection.error.toJSON(),
    value: result.pipeline.steps[0].environment.API_KEY,
    record: { path: result.records[0].path, key: result.records[0].key },
    requiredType: required.provider.type,
  }),
);

import type { Integration } from '@fromsecret/core';
import { createMemoryStore, type MemoryStore } from '@fromsecret/testkit/emulators';

// Demo credentials: the stores below live in this process only. A real integration's
// credentials come from the CI server's database or the environment, never from code.
const vaultToken = 'quickstart-vault-token';
const registryToken = 'quickstart-registry-token';

/** The in-process stores the sample integrations point at, with demo values. */
export function createSampleStores(): MemoryStore[] {
  return [
    createMemoryStore('quickstart-vault', {
      token: vaultToken,
      secrets: [
        {
          path: 'acme/app/database',
          versions: [{ username: 'acme_app_deployer', password: 'correct horse battery staple' }],
        },
        {
          path: 'acme/app/api',
          versions: [{ api_key: 'ak_live_first_3f9a1c' }, { api_key: 'ak_live_second_77b2e0' }],
        },
      ],
    }),
    createMemoryStore('quickstart-registry', {
      token: registryToken,
      secrets: [
        { path: 'docker', versions: [{ password: 'dckr_pat_5bq8XzT2' }] },
        {
          path: 'tls',
          versions: [
            {
              certificate:
                '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUDemo\nquickstartOnly==\n-----END CERTIFICATE-----',
            },
          ],
        },
      ],
    }),
  ];
}

/** Two integrations of type `memory`, as an administrator would configure them. */
export const sampleIntegrations: Integration[] = [
  {
    id: 1,
    name: 'vault-prod',
    type: 'memory',
    config: { store: 'quickstart-vault', token: vaultToken },
    allow: { users: [], orgs: ['acme'], repos: [] },
  },
  {
    id: 2,
    name: 'registry',
    type: 'memory',
    config: { store: 'quickstart-registry', token: registryToken },
    allow: { users: [], orgs: [], repos: ['acme/app'] },
  },
];

/** The CI server's own secrets, for string references. */
export const sampleInternalSecrets: Record<string, string> = {
  npm_token: 'npm_Demo0nlyT0ken',
  signing_key: 'signing-key-for-the-demo',
};

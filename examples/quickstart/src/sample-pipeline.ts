/**
 * A pipeline as a CI server would parse it from YAML: steps as a list, services as a map,
 * with internal references (a secret's name) and external ones (an integration, a path, a
 * key and optionally a version) in `environment` and `settings`, nested at any depth.
 */
export const samplePipeline = {
  steps: [
    {
      name: 'test',
      image: 'node:20',
      commands: ['npm ci', 'npm test'],
      environment: {
        NODE_ENV: 'test',
        NPM_TOKEN: { from_secret: 'npm_token' },
        DATABASE_PASSWORD: {
          from_secret: { integration: 'vault-prod', path: 'acme/app/database', key: 'password' },
        },
      },
    },
    {
      name: 'deploy',
      image: 'alpine',
      environment: {
        DATABASE_USER: {
          from_secret: { integration: 'vault-prod', path: 'acme/app/database', key: 'username' },
        },
        API_KEY: {
          from_secret: { integration: 1, path: 'acme/app/api', key: 'api_key', version: 1 },
        },
      },
    },
    {
      name: 'publish',
      image: 'plugins/docker',
      settings: {
        repo: 'registry.example.com/acme/app',
        username: 'acme-ci',
        password: { from_secret: { integration: 'registry', path: 'docker', key: 'password' } },
        build_args: [
          { name: 'SIGNING_KEY', value: { from_secret: 'signing_key' } },
          {
            name: 'CERTIFICATE',
            value: { from_secret: { integration: 'registry', path: 'tls', key: 'certificate' } },
          },
        ],
      },
    },
  ],
  services: {
    database: {
      image: 'postgres:16',
      environment: {
        POSTGRES_PASSWORD: {
          from_secret: { integration: 'vault-prod', path: 'acme/app/database', key: 'password' },
        },
      },
    },
  },
};

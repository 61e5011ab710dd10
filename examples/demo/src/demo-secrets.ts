// Every value here is fake and exists only inside the demo's emulators. Real credentials come
// from the CI server's database or the environment, never from code.

/**
 * The credentials the integrations file refers to as `${NAME}`: the demo passes them to the
 * `fromsecret` process as environment variables, so the file holds none.
 */
export const DEMO_CREDENTIALS = {
  VAULT_ROLE_ID: 'demo-vault-role-id-5e0b',
  VAULT_SECRET_ID: 'demo-vault-secret-id-c41d',
  AZURE_CLIENT_SECRET: 'demo-azure-client-secret-8f27',
  INFISICAL_CLIENT_SECRET: 'demo-infisical-client-secret-19aa',
} as const;

/** Identifiers that are not secret and stand in the integrations file as they are. */
export const DEMO_IDENTIFIERS = {
  azureClientId: '3f6d2c1a-7b8e-4d5f-9a0b-1c2d3e4f5a6b',
  infisicalClientId: 'ci-machine-identity',
  infisicalProjectId: 'acme-app',
} as const;

/** What each store holds: the values the pipeline's references resolve to. */
export const DEMO_STORED = {
  vault: {
    database: {
      url: 'postgres://app_deployer:demo-Pg-pass-7c41@db.acme.internal:5432/app',
      username: 'app_deployer_demo',
      password: 'demo-Pg-pass-7c41',
    },
    /** acme/app/payments versions 1, 2 and 3; the pipeline pins version 2. */
    paymentsVersions: ['demo_pay_key_v1_0a9f', 'demo_pay_key_v2_5d2c', 'demo_pay_key_v3_e81b'],
  },
  azure: {
    'acr-pull-token': 'demo-acr-pull-token-31f0',
    'storage-account-key': 'DEMO+storage/key+Zm9vYmFyYmF6==',
  },
  infisical: {
    SENTRY_AUTH_TOKEN: 'sntrys_demo_only_6a1e0c',
    SLACK_WEBHOOK_URL: 'https://hooks.slack.example/services/DEMO/ONLY/8d3f',
  },
} as const;

/** The CI server's own secrets, for `from_secret: <name>`, written to the secrets file. */
export const DEMO_INTERNAL_SECRETS = {
  docker_password: 'demo-docker-password-92aa',
  npm_token: 'npm_demoOnly0000token',
} as const;

/** Every credential and stored value: none may appear in the demo's output. */
export function everyDemoSecret(): string[] {
  return [
    ...Object.values(DEMO_CREDENTIALS),
    ...Object.values(DEMO_STORED.vault.database),
    ...DEMO_STORED.vault.paymentsVersions,
    ...Object.values(DEMO_STORED.azure),
    ...Object.values(DEMO_STORED.infisical),
    ...Object.values(DEMO_INTERNAL_SECRETS),
  ];
}

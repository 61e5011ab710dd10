/**
 * Credentials of the emulated stores. They are test values of emulators on loopback, labelled
 * as such, never real credentials.
 */
export const BENCH_CREDENTIALS = {
  vault: { roleId: 'BENCH-EMULATOR-ROLE-ID', secretId: 'BENCH-EMULATOR-SECRET-ID' },
  azure: {
    clientId: '0b5e1c2d-3f4a-4b6c-8d7e-9f0a1b2c3d4e',
    clientSecret: 'BENCH-EMULATOR-CLIENT-SECRET',
  },
  infisical: {
    clientId: 'BENCH-EMULATOR-CLIENT-ID',
    clientSecret: 'BENCH-EMULATOR-CLIENT-SECRET',
    projectId: 'bench-project',
    environment: 'prod',
  },
} as const;

/** The access context of every benchmark pipeline; the integrations' allowlists admit it. */
export const BENCH_ACCESS = { org: 'bench', repo: 'bench/app' } as const;

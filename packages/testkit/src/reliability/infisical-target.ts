import { provider as infisicalProvider } from '@fromsecret/infisical';
import { startInfisicalEmulator } from '../infisical/start-infisical-emulator';
import {
  CANARY_CREDENTIALS,
  closeOnce,
  integrationFor,
  type ReliabilityTarget,
  WRONG_CREDENTIAL,
} from './reliability-target';

/** Infisical (Universal Auth, one project) on loopback HTTP. */
export async function startInfisicalTarget(): Promise<ReliabilityTarget> {
  const value = 'CANARY-RELIABILITY-INFISICAL-VALUE-0f5b';
  const emulator = await startInfisicalEmulator({
    identities: [
      {
        clientId: CANARY_CREDENTIALS.infisicalClientId,
        clientSecret: CANARY_CREDENTIALS.infisicalClientSecret,
        projects: ['project-1'],
      },
    ],
    secrets: [{ projectId: 'project-1', environment: 'prod', key: 'API_KEY', versions: [value] }],
  });
  return {
    type: 'infisical',
    log: emulator.log,
    faults: emulator.faults,
    operations: { login: 'login', read: 'read' },
    definition: infisicalProvider,
    integration: integrationFor('infisical', {
      siteUrl: emulator.url,
      clientId: CANARY_CREDENTIALS.infisicalClientId,
      clientSecret: CANARY_CREDENTIALS.infisicalClientSecret,
      projectId: 'project-1',
      environment: 'prod',
    }),
    reference: { path: 'API_KEY', key: 'value' },
    value,
    secrets: () => [
      ...Object.values(CANARY_CREDENTIALS),
      WRONG_CREDENTIAL,
      value,
      ...emulator.store.issuedTokens(),
    ],
    credentials: [CANARY_CREDENTIALS.infisicalClientId, CANARY_CREDENTIALS.infisicalClientSecret],
    lastToken: () => emulator.store.issuedTokens().at(-1),
    wrongCredential: { clientSecret: WRONG_CREDENTIAL },
    denyRead: () =>
      emulator.store.deny({
        clientId: CANARY_CREDENTIALS.infisicalClientId,
        projectId: 'project-1',
        key: 'API_KEY',
      }),
    revokeTokens: () => emulator.store.revokeAllTokens(),
    setLatency: (milliseconds) => emulator.setLatency(milliseconds),
    close: closeOnce(() => emulator.close()),
  };
}

import type { EmulatorFault } from '../emulator/emulator-types';
import type { ReliabilityTarget } from './reliability-target';
import { INTERNAL_VALUE } from './target-resolver';

/** An error path to drive, as the settings, the reference and the store's state for it. */
export interface LeakScenario {
  name: string;
  /** Settings that replace the integration's. */
  config?(target: ReliabilityTarget): Record<string, unknown>;
  /** Fields that replace the reference's. */
  reference?(target: ReliabilityTarget): Record<string, unknown>;
  /** Changes the store before the resolution (after the warm-up, if any). */
  arrange?(target: ReliabilityTarget): void;
  /** Read once successfully first, so that the provider holds a token the store can echo. */
  warm?: boolean;
}

const MISSING_VERSION: Record<string, string | number> = {
  vault: 99,
  azure_key_vault: '0123456789abcdef0123456789abcdef',
  infisical: 99,
};

const INVALID_ADDRESS: Record<string, Record<string, string>> = {
  vault: { address: 'not a url' },
  azure_key_vault: { vaultUrl: 'not a url' },
  infisical: { siteUrl: 'not a url' },
};

/**
 * An error answer that repeats what the store was sent: the credentials, the provider's
 * current token (after a login), and the internal secret's value, which the resolver read in
 * the same resolution; in the fields each store's errors use.
 */
export function echoFault(
  status: number,
  echoed: readonly string[],
  form: 'api' | 'oauth' = 'api',
): EmulatorFault {
  const text = `request from ${echoed.join(' / ')} failed`;
  // Key Vault nests its error; Entra ID (OAuth) gives `error` as text with a description.
  const error =
    form === 'api'
      ? { code: 'Echo', message: text, innererror: { code: echoed.join('') } }
      : echoed.join('');
  return {
    kind: 'status',
    status,
    body: { errors: [text, ...echoed], error, message: text, error_description: text },
  };
}

/** Every error path the leak suite drives for each provider. */
export const LEAK_SCENARIOS: readonly LeakScenario[] = [
  { name: 'a wrong credential', config: (target) => target.wrongCredential },
  {
    name: 'a secret that does not exist',
    reference: (target) => ({ path: `${target.reference.path}-absent` }),
  },
  { name: 'a key that does not exist', reference: () => ({ key: 'absent' }) },
  {
    name: 'a version that does not exist',
    reference: (target) => ({ version: MISSING_VERSION[target.type] }),
  },
  { name: 'a read the store denies', arrange: (target) => target.denyRead() },
  ...[400, 403, 500].map(
    (status): LeakScenario => ({
      name: `a read answered ${status} that echoes credentials, token and values`,
      warm: true,
      arrange: (target) => {
        const token = target.lastToken();
        const echoed = [...target.credentials, ...(token === undefined ? [] : [token])];
        target.faults.inject(echoFault(status, [...echoed, INTERNAL_VALUE]), {
          operation: target.operations.read,
        });
      },
    }),
  ),
  {
    name: 'a login answered 400 that echoes the credentials',
    arrange: (target) =>
      target.faults.inject(echoFault(400, target.credentials, 'oauth'), {
        operation: target.operations.login,
      }),
  },
  { name: 'an invalid address', config: (target) => INVALID_ADDRESS[target.type]! },
  {
    name: 'a misspelt secret setting',
    config: (target) =>
      Object.fromEntries(
        Object.entries(target.wrongCredential).map(([name, value]) => [`${name}x`, value]),
      ),
  },
];

import { secretSettingValues } from '../config/secret-setting-values';
import { SecretError } from '../errors/secret-error';
import type { Integration } from '../integrations/integration';
import type { ProviderContext } from '../spec/v1/provider-context';
import type { ProviderDefinition } from '../spec/v1/provider-definition';
import type { SecretProvider } from '../spec/v1/secret-provider';
import { configFingerprint } from './config-fingerprint';
import { createRedactingLogger } from './redacting-logger';
import { asSecretError, scrubError } from './scrub-error';

/** A provider handed to one resolution; `release()` when the resolution is over. */
export interface ProviderLease {
  readonly provider: SecretProvider;
  release(): void;
}

/** Providers kept per integration between resolutions, so their tokens are reused. */
export interface ProviderCache {
  /**
   * The integration's provider: the cached one while the integration's type and config are
   * unchanged, else a new one (`parseConfig`, then `create`). Throws what they throw.
   */
  acquire(integration: Integration, definition: ProviderDefinition): ProviderLease;
  /** Closes every provider; later `acquire` calls throw `CANCELLED`. */
  close(): Promise<void>;
}

interface Entry {
  fingerprint: string;
  /** The integration's `secret: true` setting values, scrubbed from close errors. */
  secrets: string[];
  provider: SecretProvider;
  integration: Integration;
  leases: number;
  retired: boolean;
}

/**
 * Creates a {@link ProviderCache}. Creation is synchronous (the contract forbids I/O in
 * `parseConfig` and `create`), so the look-up and the insertion happen in one turn of the
 * event loop: concurrent resolutions can never create two providers for one integration.
 * A provider replaced because its config changed is closed once no resolution uses it.
 */
export function createProviderCache(
  context: ProviderContext,
  onRetiredCloseFailure: (integration: Integration, error: unknown) => void,
): ProviderCache {
  const entries = new Map<number, Entry>();
  let closed = false;
  const retire = (entry: Entry): void => {
    entry.retired = true;
    if (entry.leases === 0) {
      closeProvider(entry.provider).catch((error: unknown) =>
        onRetiredCloseFailure(entry.integration, error),
      );
    }
  };
  return {
    acquire(integration, definition) {
      if (closed) {
        throw new SecretError({
          code: 'CANCELLED',
          message: 'The secret resolver has been closed.',
        });
      }
      const fingerprint = configFingerprint(integration.type, integration.config);
      let entry = entries.get(integration.id);
      if (entry !== undefined && entry.fingerprint !== fingerprint) {
        entries.delete(integration.id);
        retire(entry);
        entry = undefined;
      }
      if (entry === undefined) {
        entry = createEntry(integration, definition, context, fingerprint);
        entries.set(integration.id, entry);
      }
      return lease(entry, retire);
    },
    async close() {
      closed = true;
      const open = [...entries.values()];
      entries.clear();
      await closeAll(open);
    },
  };
}

function createEntry(
  integration: Integration,
  definition: ProviderDefinition,
  context: ProviderContext,
  fingerprint: string,
): Entry {
  const secrets = secretSettingValues(definition.fields, integration.config);
  const provider = definition.create(definition.parseConfig(integration.config), {
    ...context,
    logger: createRedactingLogger(context.logger, secrets),
  });
  context.logger.debug('fromsecret: provider created', {
    integration: integration.name,
    type: integration.type,
  });
  return { fingerprint, secrets, provider, integration, leases: 0, retired: false };
}

/** `provider.close()` as a promise, even when a careless provider throws synchronously. */
export function closeProvider(provider: SecretProvider): Promise<void> {
  return Promise.resolve().then(() => provider.close());
}

function lease(entry: Entry, retire: (entry: Entry) => void): ProviderLease {
  entry.leases++;
  let released = false;
  return {
    provider: entry.provider,
    release() {
      if (released) return;
      released = true;
      entry.leases--;
      if (entry.retired && entry.leases === 0) retire(entry);
    },
  };
}

async function closeAll(entries: readonly Entry[]): Promise<void> {
  const outcomes = await Promise.allSettled(entries.map((entry) => closeProvider(entry.provider)));
  const failures = outcomes.flatMap((outcome, index) => {
    if (outcome.status === 'fulfilled') return [];
    const { integration } = entries[index]!;
    const descriptor = { id: integration.id, name: integration.name, type: integration.type };
    const { secrets } = entries[index]!;
    const doing = `Closing the provider of integration ${JSON.stringify(integration.name)}`;
    const error = asSecretError(outcome.reason, doing, secrets);
    return [scrubError(error.with({ integration: descriptor }), secrets)];
  });
  if (failures.length === 0) return;
  const names = failures.map((error) => JSON.stringify(error.integration?.name)).join(', ');
  throw new SecretError({
    code: 'PROVIDER_ERROR',
    message: `Closing the providers of integration(s) ${names} failed; their tokens may stay valid until they expire.`,
    errors: failures,
  });
}

import {
  createMemoryIntegrationStore,
  createMemorySecretStore,
  createSecretResolver,
  type Integration,
  type Logger,
  type SecretResolver,
} from '@fromsecret/core';
import type { CommandContext } from '../command-spec';
import { loadIntegrations } from '../files/load-integrations';
import { loadSecretsFile } from '../files/load-secrets-file';
import { providerPackageFlags } from '../registry/provider-packages';

/** A resolver over the integrations (and secrets) files, and the warnings it has logged. */
export interface OpenedResolver {
  resolver: SecretResolver;
  /** The integrations the file defines. */
  integrations: Integration[];
  /** Warnings the library and the providers logged (for example `skipTlsVerify`). */
  warnings: string[];
}

/**
 * Reads `--integrations` (and `--secrets` when given) and creates a resolver over them.
 * Credentials and internal secret values are handed to the output first, so that no message
 * printed afterwards can show one.
 */
export async function openResolver(context: CommandContext): Promise<OpenedResolver> {
  const { values, output, cwd, environment } = context;
  const loaded = await loadIntegrations(String(values.integrations), {
    cwd,
    environment,
    providerPackages: providerPackageFlags(values),
    createRegistry: context.createRegistry,
  });
  output.protectCredentials(loaded.credentials);
  let internalSecrets: ReturnType<typeof createMemorySecretStore> | undefined;
  if (typeof values.secrets === 'string') {
    const secrets = await loadSecretsFile(values.secrets, cwd);
    output.protectSecrets(Object.values(secrets));
    internalSecrets = createMemorySecretStore(secrets);
  }
  const warnings: string[] = [];
  const resolver = createSecretResolver({
    registry: loaded.registry,
    integrations: createMemoryIntegrationStore(loaded.integrations),
    ...(internalSecrets === undefined ? {} : { internalSecrets }),
    logger: warningLogger(context, warnings),
  });
  return { resolver, integrations: loaded.integrations, warnings };
}

/** A logger that shows warnings and errors to the user (and keeps them for `--json`). */
function warningLogger(context: CommandContext, warnings: string[]): Logger {
  const show = (message: string) => {
    warnings.push(context.output.scrub(message));
    context.output.note(`warning: ${message}\n`);
  };
  return { debug() {}, info() {}, warn: show, error: show };
}

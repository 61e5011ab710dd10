import type { Integration } from '@fromsecret/core';
import type { EmulatorEndpoints } from '../emulators/emulator-protocol';
import { BENCH_ACCESS, BENCH_CREDENTIALS } from '../layout/bench-credentials';
import { INTEGRATION_NAMES, type StoreType } from '../layout/bench-paths';

/** The three integrations, one per emulated store, each admitting the benchmark's pipelines. */
export function benchIntegrations(endpoints: EmulatorEndpoints): Integration[] {
  const allow = { users: [], orgs: [BENCH_ACCESS.org], repos: [] };
  const azure = endpoints.azure_key_vault;
  const configs: Record<StoreType, Record<string, unknown>> = {
    vault: { address: endpoints.vault.url, ...BENCH_CREDENTIALS.vault },
    // authorityHost at its default: the emulator connection serves Entra ID's public host (see
    // azureEmulatorConnection), so MSAL runs as against Azure, with no metadata request.
    azure_key_vault: {
      vaultUrl: azure.vaultUrl,
      tenantId: azure.tenantId,
      ...BENCH_CREDENTIALS.azure,
    },
    infisical: { siteUrl: endpoints.infisical.url, ...BENCH_CREDENTIALS.infisical },
  };
  return (Object.keys(configs) as StoreType[]).map((type, index) => ({
    id: index + 1,
    name: INTEGRATION_NAMES[type],
    type,
    config: configs[type],
    allow,
  }));
}

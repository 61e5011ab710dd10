import {
  createMasker,
  createMemoryIntegrationStore,
  createMemorySecretStore,
  createProviderRegistry,
  createSecretResolver,
} from '@fromsecret/core';
import { memoryProvider } from '@fromsecret/testkit/emulators';
import {
  formatFailure,
  formatMaskedPipeline,
  formatRecords,
  formatStoreTraffic,
} from './format-resolution';
import { samplePipeline } from './sample-pipeline';
import { createSampleStores, sampleIntegrations, sampleInternalSecrets } from './sample-stores';

/** The pipeline's origin, as the CI server knows it; the integrations' allowlists admit it. */
const accessContext = { user: 'alice', org: 'acme', repo: 'acme/app', event: 'push' };

async function main(): Promise<void> {
  const stores = createSampleStores();
  const resolver = createSecretResolver({
    registry: createProviderRegistry({ providers: [memoryProvider] }),
    integrations: createMemoryIntegrationStore(sampleIntegrations),
    internalSecrets: createMemorySecretStore(sampleInternalSecrets),
  });
  try {
    const result = await resolver.resolvePipeline(samplePipeline, accessContext);
    const masker = createMasker(result.secrets);
    process.stdout.write(`Substituted pipeline (values masked):\n`);
    process.stdout.write(`${formatMaskedPipeline(result.pipeline, masker)}\n\n`);
    process.stdout.write(`Records (${result.records.length} references, no values):\n`);
    process.stdout.write(`${formatRecords(result.records)}\n\n`);
    process.stdout.write(`Store traffic:\n${formatStoreTraffic(stores)}\n`);
    if (masker.tooShort > 0) {
      const count = masker.tooShort === 1 ? '1 value is' : `${masker.tooShort} values are`;
      process.stderr.write(`Warning: ${count} too short to mask and shown as is.\n`);
    }
  } finally {
    await resolver.close();
    for (const store of stores) store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(formatFailure(error));
  process.exitCode = 1;
});

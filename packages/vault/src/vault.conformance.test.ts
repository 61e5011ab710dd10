import { describeProviderConformance } from '@fromsecret/testkit';
import { setUpVaultConformanceStore } from './__fixtures__/vault-conformance-harness';
import * as vaultModule from './index';

describeProviderConformance({
  provider: vaultModule.provider,
  module: vaultModule,
  setup: setUpVaultConformanceStore,
  features: { multipleKeys: true, versions: true },
});

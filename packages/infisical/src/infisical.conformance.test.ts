import { describeProviderConformance } from '@fromsecret/testkit';
import { setUpInfisicalConformanceStore } from './__fixtures__/infisical-conformance-harness';
import * as infisicalModule from './index';

describeProviderConformance({
  provider: infisicalModule.provider,
  module: infisicalModule,
  setup: setUpInfisicalConformanceStore,
});

import { describeProviderConformance } from '../conformance/describe-provider-conformance';
import * as memoryModule from './index';
import { setUpMemoryConformanceStore } from './memory-conformance-harness';

describeProviderConformance({
  provider: memoryModule.provider,
  module: memoryModule,
  setup: setUpMemoryConformanceStore,
  features: { multipleKeys: true, versions: true },
});

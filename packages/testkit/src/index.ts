// The public API of @fromsecret/testkit: the conformance suite (which runs inside vitest),
// and everything of @fromsecret/testkit/emulators, whose explicit list is in ./emulators.

// Conformance suite
export type {
  ConformanceFeatures,
  ConformanceOptions,
  ConformanceSecret,
  ConformanceSeed,
  ConformanceStore,
} from './conformance/conformance-harness';
// Conformance suite runner
export { describeProviderConformance } from './conformance/describe-provider-conformance';
// Emulators, their building blocks and the in-memory provider
export * from './emulators';

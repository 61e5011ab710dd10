// The public API of @fromsecret/testkit.

// Conformance suite
export type {
  ConformanceFeatures,
  ConformanceOptions,
  ConformanceSecret,
  ConformanceSeed,
  ConformanceStore,
} from './conformance/conformance-harness';
// Emulator building blocks (shared by the Vault, Azure Key Vault and Infisical emulators)
export {
  type EmulatorFault,
  type EmulatorHandler,
  type EmulatorLogEntry,
  type EmulatorRequest,
  type EmulatorResponse,
  type FaultOptions,
  FaultQueue,
  generateTestCertificates,
  type LoopbackServer,
  type LoopbackServerOptions,
  mountOnNock,
  type NockLike,
  RequestLog,
  startLoopbackServer,
  type TestCertificateOptions,
  type TestCertificates,
} from './emulator/index';

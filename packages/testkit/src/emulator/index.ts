export type {
  EmulatorFault,
  EmulatorHandler,
  EmulatorLogEntry,
  EmulatorRequest,
  EmulatorResponse,
} from './emulator-types';
export { type FaultOptions, FaultQueue } from './fault-queue';
export {
  type LoopbackServer,
  type LoopbackServerOptions,
  startLoopbackServer,
} from './loopback-server';
export { mountOnNock, type NockLike, type NockMountOptions } from './nock-transport';
export { RequestLog } from './request-log';
export {
  generateTestCertificates,
  type TestCertificateOptions,
  type TestCertificates,
} from './test-certificates';

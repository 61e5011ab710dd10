export { createInfisicalEmulatorHandler } from './infisical-emulator-handler';
export {
  type EmulatedAccessToken,
  InfisicalEmulatorStore,
  normalizeFolderPath,
  type TokenCheck,
} from './infisical-emulator-store';
export type {
  InfisicalEmulatorDenial,
  InfisicalEmulatorIdentity,
  InfisicalEmulatorLocation,
  InfisicalEmulatorProject,
  InfisicalEmulatorSecret,
  InfisicalEmulatorState,
} from './infisical-emulator-types';
export { infisicalErrorResponse, infisicalRateLimitFault } from './infisical-error-response';
export {
  type InfisicalEmulator,
  type InfisicalEmulatorHandle,
  type InfisicalEmulatorOptions,
  mountInfisicalEmulatorOnNock,
  type NockInfisicalEmulator,
  startInfisicalEmulator,
} from './start-infisical-emulator';

import type { Integration } from '@fromsecret/core';
import type { EmulatorEndpoints } from '../emulators/emulator-protocol';

/** The strategies the resolution benchmark compares. */
export type StrategyName = 'fromsecret' | 'naive' | 'per-path-cache';

/** What every strategy is given: the integrations and where their stores are. */
export interface StrategyEnvironment {
  integrations: readonly Integration[];
  endpoints: EmulatorEndpoints;
}

/**
 * One way to resolve a pipeline's references. A strategy is created fresh for each measured
 * run (so each run starts without a token), and closed after the run has been counted.
 */
export interface ResolutionStrategy {
  /** The pipeline with every reference replaced by its value. */
  resolve(pipeline: unknown): Promise<unknown>;
  /** Ends the strategy's sessions (revocations are not part of the measured run). */
  close(): Promise<void>;
}

/** Makes a fresh strategy of one kind. */
export type StrategyFactory = (environment: StrategyEnvironment) => ResolutionStrategy;

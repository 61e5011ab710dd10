import { type Logger, silentLogger } from './logger';

/** What a provider receives from its host besides its settings. */
export interface ProviderContext {
  /** Where the provider logs. Never log a secret value or a credential. */
  logger: Logger;
  /** The clock, in milliseconds since the epoch; injected so that token expiry can be tested. */
  now(): number;
}

/** Fills the parts of a {@link ProviderContext} a caller left out: a silent logger and `Date.now`. */
export function createProviderContext(context: Partial<ProviderContext> = {}): ProviderContext {
  return { logger: context.logger ?? silentLogger, now: context.now ?? Date.now };
}

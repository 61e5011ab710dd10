import { raceWithSignal } from '@fromsecret/core';

/** What the gate asks of the client's token source. */
export interface LoginSession {
  /** Whether this client has obtained a token at least once. */
  readonly loggedIn: boolean;
  /** Whether an error came from logging in (Entra ID), rather than from the vault. */
  isLoginError(error: unknown): boolean;
}

/**
 * Lets the first call of a fresh client log in alone, for a vault outside the known clouds
 * (whose token scope only its 401 challenge tells; see `PreAuthorization` for the others). Key
 * Vault's SDK learns where to get a token from that challenge, so reads that start together on
 * a fresh client would each be challenged; queuing them behind the first costs one challenge
 * and one token request for the lot. When that first call fails to log in, the calls queued behind it fail with the same
 * error instead of asking Entra ID again. Later calls, and every call once logged in, go
 * straight through.
 */
export class LoginGate {
  private carrier: Promise<unknown> | undefined;
  private carrierError: unknown;

  constructor(private readonly session: LoginSession) {}

  /** Runs `operation`, after the pending first call when the client is not logged in yet. */
  async run<T>(operation: () => Promise<T>, signal: AbortSignal): Promise<T> {
    if (this.session.loggedIn) return operation();
    if (this.carrier !== undefined) {
      await raceWithSignal(completion(this.carrier), signal);
      const failure = this.carrierError;
      if (!this.session.loggedIn && this.session.isLoginError(failure)) throw failure;
      return operation();
    }
    const call = operation();
    this.carrier = call;
    this.carrierError = undefined;
    try {
      return await call;
    } catch (error) {
      this.carrierError = error;
      throw error;
    } finally {
      if (this.carrier === call) this.carrier = undefined;
    }
  }
}

/** Resolves when `promise` settles; its outcome reaches its own caller, not the waiters. */
function completion(promise: Promise<unknown>): Promise<void> {
  return promise.then(
    () => undefined,
    () => undefined,
  );
}

import { setMaxListeners } from 'node:events';
import { SecretError } from '../errors/secret-error';
import { raceWithSignal } from '../signals/race-with-signal';

/** Options of {@link createResolutionDeadline}. */
export interface ResolutionDeadlineOptions {
  /** How long the whole operation may take. */
  timeoutMs: number;
  /** The caller's signal, when it gave one. */
  callerSignal?: AbortSignal;
  /** Aborted when the resolver closes. */
  closeSignal: AbortSignal;
  /** Names the operation in messages, for example `Resolving the pipeline's secrets`. */
  operation: string;
}

/** One deadline combined with the caller's cancellation and the resolver's closing. */
export interface ResolutionDeadline {
  /** Aborts at the deadline, on the caller's abort, or when the resolver closes. */
  readonly signal: AbortSignal;
  /** Milliseconds left before the deadline (0 once passed). */
  remainingMs(): number;
  /** The error for the abort that happened: `TIMEOUT` or `CANCELLED`. Call once aborted. */
  abortError(): SecretError;
  /** Clears the timer; call when the operation is over. */
  dispose(): void;
}

/**
 * Starts the deadline of one resolution or connection test. The timer is a plain
 * `setTimeout`, so a provider that ignores its signal cannot outlive the deadline: every
 * wait of the resolver races this signal.
 */
export function createResolutionDeadline(options: ResolutionDeadlineOptions): ResolutionDeadline {
  const endsAt = Date.now() + options.timeoutMs;
  const timeout = new SecretError({
    code: 'TIMEOUT',
    message: `${options.operation} did not finish within ${options.timeoutMs} ms (the resolver's timeoutMs). A store may be slow or unreachable: check the integration's address and network, or raise timeoutMs.`,
  });
  const closed = new SecretError({
    code: 'CANCELLED',
    message: `${options.operation} was cancelled because the resolver was closed.`,
  });
  const cancelled = new SecretError({
    code: 'CANCELLED',
    message: `${options.operation} was cancelled by the caller.`,
  });
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(timeout), options.timeoutMs);
  const closing = new AbortController();
  const onClose = (): void => closing.abort(closed);
  if (options.closeSignal.aborted) onClose();
  else options.closeSignal.addEventListener('abort', onClose, { once: true });
  const sources = [deadline.signal, closing.signal];
  if (options.callerSignal !== undefined) sources.push(options.callerSignal);
  const signal = AbortSignal.any(sources);
  // Every read of the resolution (and its provider) listens to this one signal, and removes
  // its listener when it settles: many listeners are expected, not a leak.
  setMaxListeners(0, signal);
  return {
    signal,
    remainingMs: () => Math.max(0, endsAt - Date.now()),
    abortError: () =>
      signal.reason === timeout || signal.reason === closed ? signal.reason : cancelled,
    dispose: () => {
      clearTimeout(timer);
      options.closeSignal.removeEventListener('abort', onClose);
    },
  };
}

/** Thrown by {@link raceAbort} when the signal wins; callers turn it into `abortError()`. */
export class Aborted extends Error {
  override readonly name = 'Aborted';
}

/**
 * Settles as `promise` does, or rejects with {@link Aborted} as soon as `signal` aborts,
 * whichever comes first. The losing promise's outcome is consumed, never left unhandled.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return raceWithSignal(promise, signal).catch((error: unknown) => {
    throw signal.aborted && error === signal.reason ? new Aborted() : error;
  });
}

/** Waits `milliseconds`, or rejects with {@link Aborted} when `signal` aborts first. */
export function abortableDelay(milliseconds: number, signal: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, milliseconds);
  });
  return raceAbort(waited, signal).finally(() => clearTimeout(timer));
}

import type { SecretErrorCode } from '@fromsecret/core';

/** What a memory store can be asked. */
export type MemoryOperation = 'login' | 'read' | 'test-connection' | 'revoke';

/** A failure the store answers instead of the next matching requests. */
export interface MemoryFault {
  code: SecretErrorCode;
  /** The message to fail with. @default a message naming the store and the code */
  message?: string;
  /** @default true for RATE_LIMITED, false otherwise */
  retryable?: boolean;
  /** A `Retry-After` the store asks for, in milliseconds. */
  retryAfterMs?: number;
}

/** Options of {@link MemoryStore.failNext}. */
export interface MemoryFaultOptions {
  /** How many matching requests get the fault. @default 1 */
  times?: number;
  /** Only requests of this operation. @default every operation but `revoke` */
  operation?: Exclude<MemoryOperation, 'revoke'>;
}

/** One request a memory store received. Holds no token and no value. */
export interface MemoryStoreRequest {
  operation: MemoryOperation;
  /** The path read, on `read`. */
  path?: string;
  /** The version asked for on `read` (0: the latest). */
  version?: number;
  /** `pending` while in flight, then `ok` or the error code the store answered with. */
  outcome: 'pending' | 'ok' | SecretErrorCode;
}

/** A request being answered; `finish` records its outcome. */
export interface RecordedRequest {
  finish(outcome: 'ok' | SecretErrorCode): void;
}

interface QueuedFault {
  fault: MemoryFault;
  remaining: number;
  operation?: MemoryOperation;
}

/** A memory store's request log, in-flight count and fault queue. */
export class RequestRecorder {
  private readonly entries: MemoryStoreRequest[] = [];
  private readonly faults: QueuedFault[] = [];
  private inFlight = 0;
  /** The most requests that were in flight at once. */
  peakInFlight = 0;

  /** Records a request's arrival. */
  start(operation: MemoryOperation, request: { path?: string; version?: number }): RecordedRequest {
    const entry: MemoryStoreRequest = { operation, ...request, outcome: 'pending' };
    this.entries.push(entry);
    this.inFlight += 1;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    return {
      finish: (outcome) => {
        entry.outcome = outcome;
        this.inFlight -= 1;
      },
    };
  }

  /** Copies of every entry, oldest first. */
  list(): MemoryStoreRequest[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  /** How many requests of this operation (all when omitted) arrived. */
  count(operation?: MemoryOperation): number {
    if (operation === undefined) return this.entries.length;
    return this.entries.filter((entry) => entry.operation === operation).length;
  }

  /** Queues a fault for the next `times` requests of `operation` (any but revoke when absent). */
  queueFault(fault: MemoryFault, times: number, operation?: MemoryOperation): void {
    this.faults.push({ fault, remaining: times, operation });
  }

  /** Takes the fault for a request of this operation, if one is queued. */
  takeFault(operation: MemoryOperation): MemoryFault | undefined {
    const index = this.faults.findIndex(
      (entry) => entry.operation === undefined || entry.operation === operation,
    );
    if (index === -1) return undefined;
    const entry = this.faults[index]!;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.faults.splice(index, 1);
    return entry.fault;
  }
}

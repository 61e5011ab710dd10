import type { EmulatorFault } from './emulator-types';

interface QueuedFault {
  fault: EmulatorFault;
  remaining: number;
  operation?: string;
}

/** Options of {@link FaultQueue.inject}. */
export interface FaultOptions {
  /** How many matching requests get the fault. @default 1 */
  times?: number;
  /** Only requests with this operation label (`login`, `read`, ...). @default every request */
  operation?: string;
}

/** Faults waiting for the next matching requests, shared by both transports. */
export class FaultQueue {
  private readonly queue: QueuedFault[] = [];

  /** Queues a fault for the next `times` requests matching `operation`. */
  inject(fault: EmulatorFault, options: FaultOptions = {}): void {
    this.queue.push({ fault, remaining: options.times ?? 1, operation: options.operation });
  }

  /** Takes the fault for a request with this operation, if one is queued. */
  take(operation: string): EmulatorFault | undefined {
    const index = this.queue.findIndex(
      (entry) => entry.operation === undefined || entry.operation === operation,
    );
    if (index === -1) return undefined;
    const entry = this.queue[index]!;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.queue.splice(index, 1);
    return entry.fault;
  }

  /** Drops every queued fault. */
  clear(): void {
    this.queue.length = 0;
  }
}

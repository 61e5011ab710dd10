import type { EmulatorLogEntry, EmulatorRequest } from './emulator-types';

/** The request log every emulator keeps, for tests to count logins and reads. */
export class RequestLog {
  readonly entries: EmulatorLogEntry[] = [];

  constructor(private readonly notableHeaderNames: readonly string[] = []) {}

  /** Records one request and the status it got. */
  record(request: EmulatorRequest, operation: string, status: number): void {
    const notableHeaders: Record<string, string> = {};
    for (const name of this.notableHeaderNames) {
      const value = request.headers[name];
      if (value !== undefined) notableHeaders[name] = value;
    }
    this.entries.push({
      method: request.method,
      path: request.path,
      query: request.query.toString(),
      status,
      headerNames: Object.keys(request.headers),
      notableHeaders,
      operation,
    });
  }

  /** How many requests had this operation label (all requests when omitted). */
  count(operation?: string): number {
    if (operation === undefined) return this.entries.length;
    return this.entries.filter((entry) => entry.operation === operation).length;
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.length = 0;
  }
}

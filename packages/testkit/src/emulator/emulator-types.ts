/** A request as an emulator's handler sees it, whatever the transport (HTTP server or nock). */
export interface EmulatorRequest {
  method: string;
  /** The path without the query, still percent-encoded as it came on the wire. */
  path: string;
  /** The query parameters, decoded. */
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  /** The raw body text ('' when none). */
  body: string;
}

/** What a handler answers. A `body` object is sent as JSON. */
export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** One line of an emulator's request log. Holds no header values and no bodies. */
export interface EmulatorLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  /** Which header names were present, for asserting for example `x-vault-namespace`. */
  headerNames: readonly string[];
  /** A few non-secret headers worth asserting on (namespace and the like), by name. */
  notableHeaders: Readonly<Record<string, string>>;
  /** The emulator's own label for the operation, for example `login`, `read`, `lookup-self`. */
  operation: string;
}

/** A fault to inject into the next matching requests. */
export type EmulatorFault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'destroy-socket' }
  | { kind: 'malformed-json' }
  | { kind: 'truncated-body' }
  | { kind: 'wrong-content-type' };

/** Handles one request: the store's logic, independent of the transport. */
export type EmulatorHandler = (request: EmulatorRequest) => {
  operation: string;
  response: EmulatorResponse;
};

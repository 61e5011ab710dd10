import http from 'node:http';
import https from 'node:https';
import { createSecureContext } from 'node:tls';

/** TLS and timeout settings of the transport. */
export interface VaultTransportOptions {
  /** PEM CA bundle to trust instead of the system's. */
  caCert?: string;
  /** Verify the server's certificate. */
  verifyTls: boolean;
  /** How long one request may take, in milliseconds. */
  requestTimeoutMs: number;
}

/** What a request made through node-vault hands the transport. */
export interface TransportRequest {
  method: string;
  uri: string;
  headers?: Record<string, string>;
  json?: unknown;
  /** Ours, passed through node-vault's request options: aborts the socket. */
  signal?: AbortSignal;
  /** Ours, passed through node-vault's request options: receives response details. */
  responseDetails?: ResponseDetails;
}

/** Response details node-vault does not keep, filled in by the transport. */
export interface ResponseDetails {
  retryAfter?: string;
}

/** The response shape node-vault's `handleVaultResponse` expects. */
export interface TransportResponse {
  statusCode: number;
  body: unknown;
  request: { path: string };
}

/** A transport for node-vault's `request-promise` option, and its connection pool. */
export interface VaultTransport {
  /** node-vault calls `defaults(...)` once and then the returned function per request. */
  requestPromise: { defaults(): (request: TransportRequest) => Promise<TransportResponse> };
  /** Closes pooled connections. */
  close(): void;
}

/**
 * A node:http(s) transport plugged into node-vault through its `request-promise` option.
 * node-vault 0.12.0's built-in axios wrapper forwards neither an `AbortSignal` nor response
 * headers, so a caller could not cancel a request and `Retry-After` would be lost; this one
 * does both, keeps connections alive, and sends the path exactly as encoded (no dot-segment
 * normalisation).
 */
export function createVaultTransport(options: VaultTransportOptions): VaultTransport {
  const httpAgent = new http.Agent({ keepAlive: true });
  const httpsAgent = new https.Agent({
    keepAlive: true,
    rejectUnauthorized: options.verifyTls,
    // One TLS context for every connection: given `ca`, Node parses it again for each one.
    ...(options.caCert === undefined
      ? {}
      : { secureContext: createSecureContext({ ca: options.caCert }) }),
  });
  const send = (request: TransportRequest) =>
    sendRequest(request, options.requestTimeoutMs, (secure) => (secure ? httpsAgent : httpAgent));
  return {
    requestPromise: { defaults: () => send },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

function sendRequest(
  request: TransportRequest,
  timeoutMs: number,
  agentFor: (secure: boolean) => http.Agent,
): Promise<TransportResponse> {
  const origin = /^(https?):\/\/([^/]+)/i.exec(request.uri);
  if (origin === null) return Promise.reject(new TypeError('Vault request URI is not http(s)'));
  const secure = origin[1]!.toLowerCase() === 'https';
  const path = request.uri.slice(origin[0].length);
  const body = request.json === undefined ? undefined : JSON.stringify(request.json);
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const outgoing = (secure ? https : http).request({
      ...hostOf(`${origin[1]}://${origin[2]}`),
      path,
      method: request.method,
      agent: agentFor(secure),
      signal: request.signal,
      headers: requestHeaders(request.headers, body),
    });
    // A total deadline per request, not an idle timeout: a server that trickles bytes must
    // not hold a resolution past it.
    const timer = setTimeout(() => {
      const error = timeoutError(timeoutMs);
      fail(error);
      outgoing.destroy(error);
    }, timeoutMs);
    outgoing.on('error', fail);
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', fail);
      incoming.on('end', () => {
        clearTimeout(timer);
        recordDetails(request.responseDetails, incoming);
        resolve({
          statusCode: incoming.statusCode ?? 0,
          body: parseBody(Buffer.concat(chunks).toString('utf8')),
          request: { path: path.replace(/\?.*$/, '') },
        });
      });
    });
    outgoing.end(body);
  });
}

/** Host and port only: the path never goes through `URL`, which would resolve dot segments. */
function hostOf(origin: string): { protocol: string; hostname: string; port: string } {
  const url = new URL(origin);
  return { protocol: url.protocol, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port };
}

function requestHeaders(
  headers: Record<string, string> | undefined,
  body: string | undefined,
): Record<string, string | number> {
  return {
    accept: 'application/json',
    ...headers,
    ...(body === undefined
      ? {}
      : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
  };
}

function recordDetails(details: ResponseDetails | undefined, incoming: http.IncomingMessage): void {
  if (details === undefined) return;
  const retryAfter = incoming.headers['retry-after'];
  if (typeof retryAfter === 'string') details.retryAfter = retryAfter;
}

/** Vault answers JSON; anything else (a proxy's HTML page) is kept as text for the error. */
function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function timeoutError(timeoutMs: number): Error {
  return Object.assign(new Error(`Vault did not answer within ${timeoutMs} ms`), {
    code: 'ETIMEDOUT',
  });
}

import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { EmulatorFault, EmulatorHandler, EmulatorRequest } from './emulator-types';
import type { FaultQueue } from './fault-queue';
import type { RequestLog } from './request-log';
import { generateTestCertificates } from './test-certificates';

/** Options of {@link startLoopbackServer}. */
export interface LoopbackServerOptions {
  handler: EmulatorHandler;
  log: RequestLog;
  faults: FaultQueue;
  /** Serve HTTPS with a generated CA (see `caCert` on the result). @default false */
  tls?: boolean;
  /** Names the certificate is valid for; use a wrong one to test host checks. */
  certificateHosts?: readonly string[];
  /** Delay before every answer, in milliseconds. @default 0 */
  latencyMs?: number;
}

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` or `https://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** The CA that signed the server certificate, when `tls` is on. */
  caCert?: string;
  /** Changes the injected latency for later requests. */
  setLatency(milliseconds: number): void;
  /** Stops listening and destroys every open socket, hanging ones included. */
  close(): Promise<void>;
}

const idleConnectionMs = 30_000;

/** Serves an emulator handler on 127.0.0.1 on a random port. */
export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  let latencyMs = options.latencyMs ?? 0;
  const sockets = new Set<Socket>();
  const certificates = options.tls
    ? generateTestCertificates(options.certificateHosts ? { hosts: options.certificateHosts } : {})
    : undefined;
  const listener = (incoming: http.IncomingMessage, outgoing: http.ServerResponse) => {
    void answer(incoming, outgoing, options, () => latencyMs);
  };
  const server = certificates
    ? https.createServer({ cert: certificates.cert, key: certificates.key }, listener)
    : http.createServer(listener);
  // Every TCP connection, also one still in its TLS handshake, which close() must end too.
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Real stores keep idle connections for minutes. Node's agents keep a socket for the hinted
  // timeout minus one second, so a short timeout here would make every request pay a new TCP
  // (and TLS) connection that no real store charges. close() ends idle sockets itself.
  server.keepAliveTimeout = idleConnectionMs;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${certificates ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    ...(certificates ? { caCert: certificates.caCert } : {}),
    setLatency(milliseconds) {
      latencyMs = milliseconds;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(
  incoming: http.IncomingMessage,
  outgoing: http.ServerResponse,
  options: LoopbackServerOptions,
  latency: () => number,
): Promise<void> {
  const request = await readRequest(incoming);
  const { operation, response } = options.handler(request);
  const fault = options.faults.take(operation);
  if (latency() > 0) await delay(latency());
  if (fault !== undefined) {
    options.log.record(request, operation, fault.kind === 'status' ? fault.status : 0);
    sendFault(fault, outgoing);
    return;
  }
  options.log.record(request, operation, response.status);
  const body = response.body === undefined ? '' : encodeBody(response.body);
  outgoing.writeHead(response.status, {
    ...(response.body === undefined || typeof response.body === 'string'
      ? {}
      : { 'content-type': 'application/json; charset=utf-8' }),
    ...response.headers,
  });
  outgoing.end(body);
}

function encodeBody(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function sendFault(fault: EmulatorFault, outgoing: http.ServerResponse): void {
  switch (fault.kind) {
    case 'status':
      outgoing.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      outgoing.end(fault.body === undefined ? '' : encodeBody(fault.body));
      return;
    case 'hang':
      return;
    case 'destroy-socket':
      outgoing.socket?.destroy();
      return;
    case 'malformed-json':
      outgoing.writeHead(200, { 'content-type': 'application/json' });
      outgoing.end('{"data": {"broken"');
      return;
    case 'truncated-body':
      outgoing.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
      outgoing.write('{"data": {"value": "trun');
      outgoing.socket?.destroySoon();
      return;
    case 'wrong-content-type':
      outgoing.writeHead(200, { 'content-type': 'text/html' });
      outgoing.end('<html><body>Welcome to nginx!</body></html>');
      return;
  }
}

async function readRequest(incoming: http.IncomingMessage): Promise<EmulatorRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: incoming.method ?? 'GET',
    path: rawPath(incoming.url ?? '/'),
    query: url.searchParams,
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

/** The path exactly as sent, so that tests can see `%2F` or `..` that a client let through. */
function rawPath(target: string): string {
  const queryStart = target.indexOf('?');
  return queryStart === -1 ? target : target.slice(0, queryStart);
}

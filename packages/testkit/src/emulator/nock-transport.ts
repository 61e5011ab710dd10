import { setTimeout as delay } from 'node:timers/promises';
import type { EmulatorFault, EmulatorHandler, EmulatorRequest } from './emulator-types';
import type { FaultQueue } from './fault-queue';
import type { RequestLog } from './request-log';

type NockReply = [number, string, Record<string, string>];

/** The part of nock this transport uses; pass the `nock` default export. */
export type NockLike = (origin: string) => NockScope;

interface NockScope {
  persist(): NockScope;
  intercept(path: (path: string) => boolean, method: string): NockInterceptor;
}
interface NockInterceptor {
  reply(
    callback: (
      this: { req: { headers: Record<string, string | string[]> } },
      uri: string,
      body: unknown,
    ) => Promise<NockReply>,
  ): NockScope;
}

/** What {@link mountOnNock} serves. */
export interface NockMountOptions {
  handler: EmulatorHandler;
  log: RequestLog;
  /** Faults applied as on the loopback server. */
  faults?: FaultQueue;
  /** The delay before each answer in milliseconds, read per request. @default no delay */
  latency?(): number;
}

const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'LIST'];

/**
 * Serves an emulator handler through nock at `origin`, with the loopback server's latency and
 * faults, so that the same store logic answers without a socket (the conformance suite runs on
 * nock, abort tests included). A `hang` fault never answers; `destroy-socket` fails the
 * request with ECONNRESET. Call `nock.cleanAll()` when the test is done.
 */
export function mountOnNock(nock: NockLike, origin: string, options: NockMountOptions): void {
  const scope = nock(origin).persist();
  for (const method of methods) {
    scope
      .intercept(() => true, method)
      .reply(async function reply(uri, body) {
        const request = toRequest(method, uri, body, this.req.headers);
        const { operation, response } = options.handler(request);
        const fault = options.faults?.take(operation);
        const latency = options.latency?.() ?? 0;
        if (latency > 0) await delay(latency);
        if (fault !== undefined) {
          options.log.record(request, operation, fault.kind === 'status' ? fault.status : 0);
          return faultReply(fault);
        }
        options.log.record(request, operation, response.status);
        const json = response.body !== undefined && typeof response.body !== 'string';
        const text = json ? JSON.stringify(response.body) : ((response.body as string) ?? '');
        return [
          response.status,
          text,
          {
            ...(json ? { 'content-type': 'application/json; charset=utf-8' } : {}),
            ...response.headers,
          },
        ];
      });
  }
}

async function faultReply(fault: EmulatorFault): Promise<NockReply> {
  switch (fault.kind) {
    case 'status':
      return [
        fault.status,
        fault.body === undefined ? '' : JSON.stringify(fault.body),
        { 'content-type': 'application/json', ...fault.headers },
      ];
    case 'hang':
      return new Promise<never>(() => undefined);
    case 'destroy-socket':
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    case 'malformed-json':
    case 'truncated-body':
      return [200, '{"data": {"broken"', { 'content-type': 'application/json' }];
    case 'wrong-content-type':
      return [200, '<html><body>Welcome to nginx!</body></html>', { 'content-type': 'text/html' }];
  }
}

function toRequest(
  method: string,
  uri: string,
  body: unknown,
  rawHeaders: Record<string, string | string[]>,
): EmulatorRequest {
  const queryStart = uri.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return {
    method,
    path: queryStart === -1 ? uri : uri.slice(0, queryStart),
    query: new URLSearchParams(queryStart === -1 ? '' : uri.slice(queryStart + 1)),
    headers,
    body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
  };
}

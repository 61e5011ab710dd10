import type { EmulatorHandler, EmulatorRequest } from './emulator-types';
import type { FaultQueue } from './fault-queue';
import type { RequestLog } from './request-log';

/** The part of nock this helper uses; pass the `nock` default export. */
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
    ) => [number, string, Record<string, string>],
  ): NockScope;
}

const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'];

/**
 * Mounts an emulator handler on nock for one origin, so that the same store logic answers
 * without a socket (for the conformance suite, which runs on nock). Returns the scope; call
 * `nock.cleanAll()` when the test is done.
 */
export function mountOnNock(
  nock: NockLike,
  origin: string,
  handler: EmulatorHandler,
  log: RequestLog,
  faults?: FaultQueue,
): void {
  const scope = nock(origin).persist();
  for (const method of methods) {
    scope
      .intercept(() => true, method)
      .reply(function reply(uri, body) {
        const request = toRequest(method, uri, body, this.req.headers);
        const { operation, response } = handler(request);
        const fault = faults?.take(operation);
        if (fault?.kind === 'status') {
          log.record(request, operation, fault.status);
          return [
            fault.status,
            fault.body === undefined ? '' : JSON.stringify(fault.body),
            {
              'content-type': 'application/json',
              ...fault.headers,
            },
          ];
        }
        log.record(request, operation, response.status);
        const text =
          response.body === undefined
            ? ''
            : typeof response.body === 'string'
              ? response.body
              : JSON.stringify(response.body);
        const headers: Record<string, string> = {
          ...(typeof response.body === 'object' ? { 'content-type': 'application/json' } : {}),
          ...response.headers,
        };
        return [response.status, text, headers];
      });
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

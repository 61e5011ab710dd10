import http from 'node:http';
import https from 'node:https';
import { createSecureContext, rootCertificates } from 'node:tls';

/** One HTTP request. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  /** JSON text, sent with `content-type: application/json`. */
  body?: string;
}

/** The answer to an {@link HttpRequest}, body read in full. */
export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** Options of {@link HttpTransport}. */
export interface HttpTransportOptions {
  /** PEM certificates trusted in addition to Node's own CAs. */
  caCert?: string;
}

/** Answers bigger than this are refused: no secret read needs more, and memory is shared. */
const maximumResponseBytes = 16 * 1024 * 1024;

/**
 * HTTP(S) on `node:http`, one try per call: no retry, no timer, the caller's `AbortSignal`
 * on every request, and socket errors left intact (`ECONNREFUSED`, certificate codes) so
 * that they can be classified. Keeps connections alive per provider; `close()` drops them.
 */
export class HttpTransport {
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent: https.Agent;

  constructor(options: HttpTransportOptions = {}) {
    // One TLS context for every connection: given `ca`, Node would parse the public roots and
    // the private CA again for each new connection (about 28 ms of CPU each).
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      ...(options.caCert === undefined
        ? {}
        : { secureContext: createSecureContext({ ca: [...rootCertificates, options.caCert] }) }),
    });
  }

  /** Sends one request; rejects with the socket's error, or the abort reason's error. */
  send(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
    const secure = request.url.protocol === 'https:';
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(request.body));
    }
    const options = {
      method: request.method,
      headers,
      signal,
      agent: secure ? this.httpsAgent : this.httpAgent,
    };
    return new Promise((resolve, reject) => {
      const outgoing = (secure ? https : http).request(request.url, options, (incoming) => {
        readBody(incoming).then(
          (text) => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text }),
          reject,
        );
      });
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
  }

  /** Closes every kept-alive connection. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function readBody(incoming: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maximumResponseBytes) {
        incoming.destroy(new Error(`response larger than ${maximumResponseBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
    incoming.on('close', () => {
      if (!incoming.complete) reject(new Error('the connection closed before the response ended'));
    });
  });
}

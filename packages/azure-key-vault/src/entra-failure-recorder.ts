/** The last thing that went wrong between the credential and Entra ID. */
export interface EntraFailure {
  /** The HTTP status, when Entra ID answered. */
  status?: number;
  /** The OAuth error (`invalid_client`, `unauthorized_client`, ...), when the body had one. */
  error?: string;
  /** The AADSTS numbers from `error_codes` (7000215, 700016, 90002, ...). */
  codes: readonly number[];
  /** The `Retry-After` header of a 429. */
  retryAfter?: string;
  /** What the HTTP client threw when no answer came (connection refused, certificate...). */
  transportError?: unknown;
  /** A 2xx answer whose body is not JSON (a proxy's HTML page, a cut-off body). */
  unreadable?: boolean;
}

interface RecordedRequest {
  url: string;
}
interface RecordedResponse {
  status: number;
  bodyAsText?: string | null;
  headers: { get(name: string): string | undefined };
}

/**
 * Watches the credential's HTTP pipeline for failures. MSAL, inside `@azure/identity`,
 * reduces a failed token request to a message and drops the network error beneath it; this
 * keeps the parts fromsecret needs to say what went wrong (the AADSTS codes, the status, the
 * socket error). It keeps no header and no body beyond an error's codes.
 */
export class EntraFailureRecorder {
  private failure: EntraFailure | undefined;

  /** A pipeline policy (position `perRetry`) that records failures as they pass. */
  readonly policy = {
    name: 'fromsecretEntraFailureRecorder',
    sendRequest: async <Request extends RecordedRequest, Response extends RecordedResponse>(
      request: Request,
      next: (request: Request) => Promise<Response>,
    ): Promise<Response> => {
      let response: Response;
      try {
        response = await next(request);
      } catch (error) {
        this.failure = { codes: [], transportError: error };
        throw error;
      }
      if (response.status >= 400) this.failure = readFailure(response);
      else if (parseJson(response.bodyAsText) === undefined) {
        this.failure = { status: response.status, codes: [], unreadable: true };
      }
      return response;
    },
  };

  /** The failure recorded since the last {@link EntraFailureRecorder.clear}, if any. */
  get last(): EntraFailure | undefined {
    return this.failure;
  }

  /** Forgets the recorded failure; called before each token request. */
  clear(): void {
    this.failure = undefined;
  }
}

function readFailure(response: RecordedResponse): EntraFailure {
  const failure: EntraFailure = { status: response.status, codes: [] };
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== undefined) failure.retryAfter = retryAfter;
  const body = parseJson(response.bodyAsText);
  if (typeof body !== 'object' || body === null) return failure;
  const { error, error_codes: codes } = body as { error?: unknown; error_codes?: unknown };
  if (typeof error === 'string') failure.error = error;
  if (Array.isArray(codes)) failure.codes = codes.filter((code) => typeof code === 'number');
  return failure;
}

function parseJson(text: string | null | undefined): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // An error page that is not JSON (a proxy's HTML): the status alone tells what failed.
    return undefined;
  }
}

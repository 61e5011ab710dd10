// The only file that knows Infisical's wire format. It speaks the two HTTP calls the
// @infisical/sdk makes for a login and a single-secret read, typed with the SDK's own
// request and response types, but it does not run the SDK: the SDK retries unreachable
// hosts and 429s for about 16 s, takes no AbortSignal, drops `expiresIn`, `Retry-After`,
// Infisical's error names and the socket error. See docs/decisions/0600.
import type {
  GetSecretRequest,
  GetSecretResponse,
  UniversalAuthLoginRequest,
  UniversalAuthLoginResponse,
} from '@infisical/sdk';
import { type HttpRequest, type HttpResponse, HttpTransport } from './http-transport';
import { InfisicalResponseError } from './infisical-response-error';

/** Options of {@link InfisicalClient}. */
export interface InfisicalClientOptions {
  /** The instance, without a trailing `/`. */
  siteUrl: string;
  /** PEM certificates trusted in addition to Node's CAs. */
  caCert?: string;
}

/** A Universal Auth access token and how long Infisical says it lives. */
export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds from issue; 0 means the token does not expire. */
  expiresInSeconds: number;
}

/** Where a secret is read from. */
export interface SecretLocation {
  projectId: string;
  environment: string;
  secretPath: string;
  /** The secret's key name. */
  secretName: string;
  /** A positive version; absent for the latest. */
  version?: number;
}

/** A secret's value and the version it came from. */
export interface InfisicalSecret {
  value: string;
  version: number;
}

/** Infisical's HTTP API, one try per call, the caller's signal on every request. */
export class InfisicalClient {
  private readonly transport: HttpTransport;
  private readonly base: string;

  constructor(options: InfisicalClientOptions) {
    this.transport = new HttpTransport(
      options.caCert === undefined ? {} : { caCert: options.caCert },
    );
    this.base = `${options.siteUrl}/`;
  }

  /** `POST /api/v1/auth/universal-auth/login`. */
  async login(
    credentials: UniversalAuthLoginRequest,
    signal: AbortSignal,
  ): Promise<IssuedAccessToken> {
    const body = await this.call(
      {
        method: 'POST',
        url: this.url('api/v1/auth/universal-auth/login'),
        headers: {},
        body: JSON.stringify(credentials),
      },
      signal,
    );
    const login = body as Partial<UniversalAuthLoginResponse> | undefined;
    if (typeof login?.accessToken !== 'string' || login.accessToken === '') {
      throw malformed('the login answer has no accessToken');
    }
    const expiresIn = login.expiresIn;
    if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn < 0) {
      throw malformed('the login answer has no valid expiresIn');
    }
    return { accessToken: login.accessToken, expiresInSeconds: expiresIn };
  }

  /** `GET /api/v3/secrets/raw/<name>`, with the query the SDK's `getSecret` sends. */
  async getSecret(
    accessToken: string,
    location: SecretLocation,
    signal: AbortSignal,
  ): Promise<InfisicalSecret> {
    const query: Omit<GetSecretRequest, 'secretName'> = {
      workspaceId: location.projectId,
      environment: location.environment,
      secretPath: location.secretPath,
      viewSecretValue: 'true',
      expandSecretReferences: 'true',
      ...(location.version === undefined ? {} : { version: location.version }),
    };
    const url = this.url(`api/v3/secrets/raw/${encodeURIComponent(location.secretName)}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
    const body = await this.call({ method: 'GET', url, headers: bearer(accessToken) }, signal);
    return readSecret(body as Partial<GetSecretResponse> | undefined, location);
  }

  /** `POST /api/v1/auth/token/revoke`: the token stops working at once. */
  async revoke(accessToken: string, signal: AbortSignal): Promise<void> {
    const request: HttpRequest = {
      method: 'POST',
      url: this.url('api/v1/auth/token/revoke'),
      headers: {},
      body: JSON.stringify({ accessToken }),
    };
    await this.call(request, signal);
  }

  /** Drops kept-alive connections. */
  close(): void {
    this.transport.close();
  }

  private url(path: string): URL {
    return new URL(path, this.base);
  }

  private async call(request: HttpRequest, signal: AbortSignal): Promise<unknown> {
    const response = await this.transport.send(request, signal);
    if (response.status >= 200 && response.status < 300) return parseJson(response);
    throw errorFrom(response);
  }
}

function bearer(accessToken: string): Record<string, string> {
  return { authorization: `Bearer ${accessToken}` };
}

function readSecret(
  body: Partial<GetSecretResponse> | undefined,
  location: SecretLocation,
): InfisicalSecret {
  const secret = body?.secret;
  if (typeof secret?.secretValue !== 'string' || !Number.isSafeInteger(secret.version)) {
    throw malformed('the secret answer has no secret.secretValue and secret.version');
  }
  if (secret.secretValueHidden === true) {
    throw new InfisicalResponseError(
      403,
      'SecretValueHidden',
      'the secret value is hidden from this identity',
    );
  }
  if (location.version !== undefined && secret.version !== location.version) {
    throw malformed(
      `version ${location.version} was asked for and version ${secret.version} came back`,
    );
  }
  return { value: secret.secretValue, version: secret.version };
}

function parseJson(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.text);
  } catch {
    throw malformed(`the ${response.status} answer is not JSON (${describeContentType(response)})`);
  }
}

/** Reads Infisical's error body; a body that is not one (a proxy's page) keeps the status. */
function errorFrom(response: HttpResponse): InfisicalResponseError {
  const retryAfter = response.headers['retry-after'];
  let errorName = '';
  let serverMessage = `no Infisical error body (${describeContentType(response)})`;
  try {
    const body = JSON.parse(response.text) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') errorName = body.error;
    if (typeof body.message === 'string') serverMessage = body.message;
    else if (body.message !== undefined) serverMessage = JSON.stringify(body.message);
  } catch {
    // Not JSON: a gateway or proxy answered; the status alone has to do.
  }
  return new InfisicalResponseError(response.status, errorName, serverMessage, retryAfter);
}

function describeContentType(response: HttpResponse): string {
  return `content-type ${response.headers['content-type'] ?? 'none'}`;
}

function malformed(what: string): InfisicalResponseError {
  return new InfisicalResponseError(200, 'MalformedResponse', what);
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { login, read, seeded, token } from './__fixtures__/infisical-emulator-requests';
import { infisicalRateLimitFault } from './infisical-error-response';
import { type InfisicalEmulator, startInfisicalEmulator } from './start-infisical-emulator';

let clock = 1_000_000;

describe('startInfisicalEmulator', () => {
  let emulator: InfisicalEmulator;
  beforeEach(async () => {
    clock = 1_000_000;
    emulator = await startInfisicalEmulator(seeded(() => clock));
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('logs a machine identity in and answers as Universal Auth does', async () => {
    const response = await login(emulator.url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      expiresIn: 60,
      accessTokenMaxTTL: 2_592_000,
      tokenType: 'Bearer',
    });
    expect(emulator.store.issuedTokens()).toEqual([body.accessToken]);
    const rejected = await login(emulator.url, 'wrong');
    expect(rejected.status).toBe(401);
    const error = (await rejected.json()) as Record<string, unknown>;
    expect(error).toMatchObject({
      statusCode: 401,
      error: 'UnauthorizedError',
      message: 'Invalid credentials',
    });
    expect(error.reqId).toEqual(expect.any(String));
  });

  it('reads the latest version, a pinned version, and a secret in a nested folder', async () => {
    const accessToken = await token(emulator.url);
    const latest = (await (await read(emulator.url, accessToken, 'API_KEY')).json()) as {
      secret: Record<string, unknown>;
    };
    expect(latest.secret).toMatchObject({ secretKey: 'API_KEY', secretValue: 'two', version: 2 });
    const first = await (await read(emulator.url, accessToken, 'API_KEY', { version: '1' })).json();
    expect(first).toMatchObject({ secret: { secretValue: 'one', version: 1 } });
    const nested = await read(emulator.url, accessToken, 'DB_PASSWORD', {
      secretPath: '/backend/api/',
    });
    expect(await nested.json()).toMatchObject({ secret: { secretValue: 'deep' } });
  });

  it("answers every failure with Infisical's status and error name", async () => {
    const accessToken = await token(emulator.url);
    const cases: [Promise<Response>, number, string, RegExp][] = [
      [
        read(emulator.url, accessToken, 'NOPE'),
        404,
        'NotFound',
        /^Secret with name 'NOPE' not found$/,
      ],
      [read(emulator.url, accessToken, 'API_KEY', { version: '9' }), 404, 'NotFound', /API_KEY/],
      [
        read(emulator.url, accessToken, 'API_KEY', { secretPath: '/missing' }),
        404,
        'GetSecretByName',
        /^Folder with path '\/missing' in environment with slug 'prod' not found$/,
      ],
      [
        read(emulator.url, accessToken, 'API_KEY', { environment: 'qa' }),
        404,
        'GetSecretByName',
        /slug 'qa'/,
      ],
      [read(emulator.url, accessToken, 'LOCKED'), 403, 'PermissionDenied', /describeSecret/],
      [
        read(emulator.url, accessToken, 'HIDDEN'),
        403,
        'ForbiddenReadSecretError',
        /view secret value/,
      ],
      [
        read(emulator.url, accessToken, 'API_KEY', { workspaceId: 'project-2' }),
        403,
        'PermissionDenied',
        /project/,
      ],
      [read(emulator.url, 'forged', 'API_KEY'), 403, 'TokenError', /malformed/],
    ];
    for (const [pending, status, error, message] of cases) {
      const response = await pending;
      const body = (await response.json()) as {
        statusCode: number;
        error: string;
        message: string;
      };
      expect({ status: response.status, statusCode: body.statusCode, error: body.error }).toEqual({
        status,
        statusCode: status,
        error,
      });
      expect(body.message).toMatch(message);
    }
  });

  it('expires tokens by the injected clock and honours revocation', async () => {
    const accessToken = await token(emulator.url);
    clock += 59_000;
    expect((await read(emulator.url, accessToken, 'API_KEY')).status).toBe(200);
    clock += 1_000;
    const expired = await read(emulator.url, accessToken, 'API_KEY');
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ error: 'TokenError', message: /expired/ });
    const fresh = await token(emulator.url);
    emulator.store.revokeAllTokens();
    const revoked = await read(emulator.url, fresh, 'API_KEY');
    expect(revoked.status).toBe(401);
    const unauthenticated = await fetch(
      `${emulator.url}/api/v3/secrets/raw/API_KEY?workspaceId=project-1&environment=prod`,
    );
    expect(unauthenticated.status).toBe(401);
  });

  it('revokes a token on request and logs each operation without header values', async () => {
    const accessToken = await token(emulator.url);
    await read(emulator.url, accessToken, 'API_KEY');
    const revoke = await fetch(`${emulator.url}/api/v1/auth/token/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessToken }),
    });
    expect(revoke.status).toBe(200);
    expect(emulator.store.activeTokenCount()).toBe(0);
    expect(emulator.log.entries.map((entry) => entry.operation)).toEqual([
      'login',
      'read',
      'revoke',
    ]);
    expect(JSON.stringify(emulator.log.entries)).not.toContain(accessToken);
    expect(emulator.log.entries[1]?.query).toContain('workspaceId=project-1');
  });

  it('answers a queued rate-limit fault with Retry-After, then serves again', async () => {
    emulator.faults.inject(infisicalRateLimitFault(7), { operation: 'login' });
    const limited = await login(emulator.url);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toMatchObject({ statusCode: 429, error: 'RateLimitExceeded' });
    expect((await login(emulator.url)).status).toBe(200);
  });

  it('answers unknown routes with a 404 that names the route', async () => {
    const response = await fetch(`${emulator.url}/api/v4/secrets`);
    expect(response.status).toBe(404);
    expect(emulator.log.count('unknown')).toBe(1);
  });
});

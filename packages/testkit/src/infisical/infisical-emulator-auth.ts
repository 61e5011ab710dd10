import type { EmulatorRequest, EmulatorResponse } from '../emulator/emulator-types';
import type { InfisicalEmulatorStore } from './infisical-emulator-store';
import type { InfisicalEmulatorIdentity } from './infisical-emulator-types';
import { infisicalErrorResponse } from './infisical-error-response';

const malformedToken =
  'The provided access token is malformed. Please use a valid token or generate a new one and try again.';

/** `POST /api/v1/auth/universal-auth/login`: 401 `Invalid credentials`, or a new token. */
export function login(store: InfisicalEmulatorStore, request: EmulatorRequest): EmulatorResponse {
  const body = parseBody(request.body);
  if (typeof body.clientId !== 'string' || typeof body.clientSecret !== 'string') {
    return infisicalErrorResponse(422, 'ValidationFailure', [
      { code: 'invalid_type', path: ['clientId'], message: 'Required' },
    ]);
  }
  const identity = store.authenticate(body.clientId, body.clientSecret);
  if (identity === undefined) {
    return infisicalErrorResponse(401, 'UnauthorizedError', 'Invalid credentials');
  }
  const { accessToken, expiresIn } = store.issueToken(identity);
  return {
    status: 200,
    body: {
      accessToken,
      expiresIn,
      accessTokenMaxTTL: identity.accessTokenMaxTtlSeconds ?? 2_592_000,
      tokenType: 'Bearer',
    },
  };
}

/** `POST /api/v1/auth/token/revoke`. */
export function revoke(store: InfisicalEmulatorStore, request: EmulatorRequest): EmulatorResponse {
  const body = parseBody(request.body);
  if (typeof body.accessToken !== 'string' || !store.revokeToken(body.accessToken)) {
    return infisicalErrorResponse(403, 'TokenError', malformedToken);
  }
  return { status: 200, body: { message: 'Successfully revoked access token' } };
}

/**
 * The identity behind the request's bearer token, or Infisical's answer for a missing (401),
 * revoked (401), expired (403 `TokenError`) or unknown (403 `TokenError`) token.
 */
export function authorize(
  store: InfisicalEmulatorStore,
  request: EmulatorRequest,
): { identity: InfisicalEmulatorIdentity } | EmulatorResponse {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  if (match === null) return infisicalErrorResponse(401, 'UnauthorizedError', 'Token missing');
  const check = store.checkToken(match[1]!);
  switch (check.status) {
    case 'valid':
      return { identity: check.identity };
    case 'expired':
      return infisicalErrorResponse(
        403,
        'TokenError',
        'Your token has expired. Please re-authenticate.',
      );
    case 'revoked':
      return infisicalErrorResponse(
        401,
        'UnauthorizedError',
        'Failed to authorize: token has been revoked',
      );
    default:
      return infisicalErrorResponse(403, 'TokenError', malformedToken);
  }
}

function parseBody(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    // An unreadable body is answered like a body without the fields: 422 from the caller.
    return {};
  }
}

import type {
  EmulatorHandler,
  EmulatorRequest,
  EmulatorResponse,
} from '../emulator/emulator-types';
import { normalize, type VaultEmulatorState, type VaultTokenState } from './vault-emulator-state';
import { answerKvRead } from './vault-kv-route';
import {
  INVALID_TOKEN,
  noRoute,
  PERMISSION_DENIED,
  unsupportedOperation,
  vaultEnvelope,
  vaultErrors,
} from './vault-responses';

/** The operation labels of the Vault emulator's request log. */
export type VaultEmulatorOperation = 'login' | 'lookup-self' | 'revoke-self' | 'read' | 'unknown';

/**
 * The Vault emulator's store logic, independent of the transport: AppRole login, token
 * lookup-self and revoke-self, and KV v1 and v2 reads, with Vault's status codes and bodies.
 */
export function createVaultEmulatorHandler(state: VaultEmulatorState): EmulatorHandler {
  return (request) => {
    const segments = apiSegments(request.path);
    const operation = classify(segments);
    return { operation, response: answer(state, request, segments, operation) };
  };
}

function answer(
  state: VaultEmulatorState,
  request: EmulatorRequest,
  segments: readonly string[] | undefined,
  operation: VaultEmulatorOperation,
): EmulatorResponse {
  if (segments === undefined) return noRoute(request.path);
  if (state.sealed) return vaultErrors(503, ['Vault is sealed']);
  const namespace = normalize(request.headers['x-vault-namespace']);
  if (operation === 'login') return answerLogin(state, request, namespace, segments);
  const token = authorize(state, request, namespace);
  if ('status' in token) return token;
  switch (operation) {
    case 'lookup-self':
      return answerLookupSelf(state, request, token);
    case 'revoke-self':
      if (request.method !== 'POST' && request.method !== 'PUT') return unsupportedOperation();
      state.revokeToken(token.token);
      return { status: 204 };
    default:
      return answerKvRead(state, request, token, namespace, segments);
  }
}

function answerLogin(
  state: VaultEmulatorState,
  request: EmulatorRequest,
  namespace: string,
  segments: readonly string[],
): EmulatorResponse {
  const authPath = segments.slice(1, -1).join('/');
  if (!state.hasAuthMount(namespace, authPath)) return noRoute(segments.join('/'));
  if (request.method !== 'POST' && request.method !== 'PUT') return unsupportedOperation();
  let credentials: { role_id?: unknown; secret_id?: unknown };
  try {
    credentials = JSON.parse(request.body || '{}');
  } catch {
    return vaultErrors(400, ['failed to parse JSON input: invalid character']);
  }
  const issued = state.login(namespace, authPath, credentials.role_id, credentials.secret_id);
  if (issued === undefined) return vaultErrors(400, ['invalid role or secret ID']);
  return vaultEnvelope(200, {
    auth: {
      client_token: issued.token,
      accessor: issued.accessor,
      policies: issued.policies,
      token_policies: issued.policies,
      metadata: { role_name: issued.roleName },
      lease_duration: issued.ttlSeconds,
      renewable: true,
      entity_id: '',
      token_type: 'service',
      orphan: true,
      mfa_requirement: null,
      num_uses: 0,
    },
  });
}

function answerLookupSelf(
  state: VaultEmulatorState,
  request: EmulatorRequest,
  token: VaultTokenState,
): EmulatorResponse {
  if (request.method !== 'GET' && request.method !== 'POST') return unsupportedOperation();
  const expires = token.ttlSeconds === 0 ? null : token.issuedAt + token.ttlSeconds * 1000;
  return vaultEnvelope(200, {
    data: {
      accessor: token.accessor,
      creation_time: Math.floor(token.issuedAt / 1000),
      creation_ttl: token.ttlSeconds,
      display_name: token.authPath.replaceAll('/', '-'),
      entity_id: '',
      expire_time: expires === null ? null : new Date(expires).toISOString(),
      explicit_max_ttl: 0,
      id: token.token,
      issue_time: new Date(token.issuedAt).toISOString(),
      meta: { role_name: token.roleName },
      num_uses: 0,
      orphan: true,
      path: `auth/${token.authPath}/login`,
      policies: token.policies,
      renewable: true,
      ttl: state.remainingSeconds(token),
      type: 'service',
    },
  });
}

/** The caller's token, or the 403 Vault answers: missing, invalid, or from another namespace. */
function authorize(
  state: VaultEmulatorState,
  request: EmulatorRequest,
  namespace: string,
): VaultTokenState | EmulatorResponse {
  const header = request.headers['x-vault-token'];
  if (header === undefined || header === '') return vaultErrors(403, ['permission denied']);
  const token = state.activeToken(header);
  if (token === undefined) return vaultErrors(403, [INVALID_TOKEN]);
  const inScope =
    token.namespace === '' ||
    namespace === token.namespace ||
    namespace.startsWith(`${token.namespace}/`);
  return inScope ? token : vaultErrors(403, [PERMISSION_DENIED]);
}

function classify(segments: readonly string[] | undefined): VaultEmulatorOperation {
  if (segments === undefined || segments.length === 0) return 'unknown';
  const path = segments.join('/');
  if (path === 'auth/token/lookup-self') return 'lookup-self';
  if (path === 'auth/token/revoke-self') return 'revoke-self';
  if (segments[0] === 'auth' && segments.length >= 3 && segments.at(-1) === 'login') {
    return 'login';
  }
  if (segments[0] === 'auth' || segments[0] === 'sys') return 'unknown';
  return 'read';
}

/** The decoded segments after `/v1/`, or `undefined` for a path outside the API. */
function apiSegments(rawPath: string): string[] | undefined {
  if (!rawPath.startsWith('/v1/')) return undefined;
  try {
    return rawPath.slice('/v1/'.length).split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

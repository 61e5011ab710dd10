import type { EmulatorRequest, EmulatorResponse } from '../emulator/emulator-types';
import { entraErrorResponse } from './azure-error-responses';
import type { AzureKeyVaultEmulatorStore } from './azure-key-vault-emulator-store';

/** `/<tenant>/oauth2/v2.0/token` */
export const tokenRoute = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
/** `/<tenant>/v2.0/.well-known/openid-configuration` */
export const openIdRoute = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/;

function unknownTenant(tenant: string): EmulatorResponse {
  return entraErrorResponse(
    400,
    'invalid_tenant',
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  );
}

/** The OpenID configuration MSAL reads before its first token request to a custom authority. */
export function openIdConfiguration(
  store: AzureKeyVaultEmulatorStore,
  tenant: string,
  origin: string,
): EmulatorResponse {
  if (!store.knowsTenant(tenant)) return unknownTenant(tenant);
  const base = `${origin}/${tenant}`;
  return {
    status: 200,
    body: {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
      jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      tenant_region_scope: 'EU',
    },
  };
}

/**
 * The client-credentials grant, checked in Entra ID's order: tenant, grant type, client,
 * secret, scope. Every failure has Entra ID's status, OAuth error and AADSTS code.
 */
export function issueToken(
  store: AzureKeyVaultEmulatorStore,
  tenant: string,
  request: EmulatorRequest,
): EmulatorResponse {
  if (!store.knowsTenant(tenant)) return unknownTenant(tenant);
  const form = new URLSearchParams(request.body);
  if (form.get('grant_type') !== 'client_credentials') {
    return entraErrorResponse(
      400,
      'unsupported_grant_type',
      70003,
      'The app requested an unsupported grant type.',
    );
  }
  const clientId = form.get('client_id') ?? '';
  const principal = store.findPrincipal(tenant, clientId);
  if (principal === undefined) {
    return entraErrorResponse(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  if (form.get('client_secret') !== principal.clientSecret) {
    return entraErrorResponse(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${principal.clientId}'.`,
    );
  }
  const scopes = (form.get('scope') ?? '').split(' ');
  if (!scopes.includes(`${store.resource}/.default`)) {
    return entraErrorResponse(
      400,
      'invalid_scope',
      70011,
      `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${store.resource}/.default is the one this emulator issues tokens for.`,
    );
  }
  const { accessToken, expiresIn } = store.issueToken(principal);
  return {
    status: 200,
    headers: { 'cache-control': 'no-store, no-cache' },
    body: {
      token_type: 'Bearer',
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      access_token: accessToken,
    },
  };
}

import type { RequestCounts } from '../emulators/emulator-protocol';
import { STORE_TYPES, type StoreType } from '../layout/bench-paths';

/** The operation each store's log labels a login with. */
const LOGIN_OPERATIONS: Readonly<Record<StoreType, string>> = {
  vault: 'login',
  // Entra ID's token request; the vault's 401 challenge and the OpenID metadata are not logins.
  azure_key_vault: 'token',
  infisical: 'login',
};

/** Requests and logins the stores counted in one measured run. */
export interface RequestSummary {
  requests: number;
  logins: number;
  /** Each store's requests by operation label, as its log has them. */
  byStore: RequestCounts;
}

/** Adds up the stores' own request logs. */
export function summarizeRequests(counts: RequestCounts): RequestSummary {
  let requests = 0;
  let logins = 0;
  for (const type of STORE_TYPES) {
    for (const count of Object.values(counts[type])) requests += count;
    logins += counts[type][LOGIN_OPERATIONS[type]] ?? 0;
  }
  return { requests, logins, byStore: counts };
}

/**
 * The fewest requests a resolution can make, per design §10: one login per integration used
 * plus one read per distinct (integration, path, version). Requests a store's SDK adds to its
 * login (Azure's 401 challenge and OpenID metadata) count against the strategy, not in here.
 */
export function minimumRequests(integrationsUsed: number, distinctReads: number): number {
  return integrationsUsed + distinctReads;
}

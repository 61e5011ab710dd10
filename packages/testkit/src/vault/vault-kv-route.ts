import type { EmulatorRequest, EmulatorResponse } from '../emulator/emulator-types';
import type { VaultEmulatorState, VaultTokenState } from './vault-emulator-state';
import type { KvMount, KvVersion } from './vault-kv-mount';
import { policiesAllow } from './vault-policy';
import {
  noRoute,
  PERMISSION_DENIED,
  unsupportedOperation,
  VERSIONED_KV_WARNING,
  vaultEnvelope,
  vaultErrors,
} from './vault-responses';

/**
 * A KV read, as Vault answers it: the policy is checked on the full API path first (so a
 * denied path is 403 whether it exists or not), then KV v2 `<mount>/data/<path>?version=N`
 * or KV v1 `<mount>/<path>`.
 */
export function answerKvRead(
  state: VaultEmulatorState,
  request: EmulatorRequest,
  token: VaultTokenState,
  namespace: string,
  segments: readonly string[],
): EmulatorResponse {
  const policyPath = segments.join('/');
  const found = state.findMount(namespace, segments);
  if (found === undefined) return noRoute(policyPath);
  if (request.method !== 'GET') return unsupportedOperation();
  if (!policiesAllow(state.policies, token.policies, policyPath, 'read')) {
    return vaultErrors(403, [PERMISSION_DENIED]);
  }
  return found.mount.version === 2
    ? answerKvVersion2(found.mount, found.rest, request.query.get('version'))
    : answerKvVersion1(found.mount, found.rest);
}

function answerKvVersion2(
  mount: KvMount,
  rest: readonly string[],
  versionQuery: string | null,
): EmulatorResponse {
  if (rest[0] !== 'data') return vaultEnvelope(404, { warnings: [VERSIONED_KV_WARNING] });
  const version = versionQuery === null || versionQuery === '' ? 0 : Number(versionQuery);
  if (!Number.isSafeInteger(version) || version < 0) {
    return vaultErrors(400, [
      `1 error occurred:\n\t* error converting input ${versionQuery} for field "version"\n\n`,
    ]);
  }
  const result = mount.read(rest.slice(1).join('/'), version);
  if (result.kind === 'missing') return vaultErrors(404, []);
  const metadata = versionMetadata(result.version, result.entry);
  if (result.kind === 'gone') return vaultEnvelope(404, { data: { data: null, metadata } });
  return vaultEnvelope(200, { data: { data: result.entry.data, metadata }, mount_type: 'kv' });
}

function answerKvVersion1(mount: KvMount, rest: readonly string[]): EmulatorResponse {
  const result = mount.read(rest.join('/'));
  if (result.kind !== 'found') return vaultErrors(404, []);
  return vaultEnvelope(200, { data: result.entry.data, lease_duration: 2764800, mount_type: 'kv' });
}

function versionMetadata(version: number, entry: KvVersion) {
  return {
    created_time: entry.createdTime,
    custom_metadata: null,
    deletion_time: entry.deletionTime,
    destroyed: entry.destroyed,
    version,
  };
}

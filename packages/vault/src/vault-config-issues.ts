/**
 * The checks of Vault settings that a field's kind cannot express: contradicting TLS
 * settings, an address with credentials or Vault's `/v1` prefix, and mount paths that would
 * not name a mount. Each issue names the setting and the fix, never a value.
 */
export function vaultSpecificIssues(values: Record<string, unknown>): string[] {
  const issues: string[] = [];
  if (typeof values.address === 'string') issues.push(...addressIssues(values));
  for (const name of ['authPath', 'mountPath', 'namespace'] as const) {
    const value = values[name];
    if (typeof value === 'string') issues.push(...mountPathIssues(name, value));
  }
  if (values.skipTlsVerify === true && values.caCert !== undefined) {
    issues.push(
      '"skipTlsVerify" and "caCert" are both set: keep caCert (it verifies the server) and remove skipTlsVerify',
    );
  }
  return issues;
}

function addressIssues(values: Record<string, unknown>): string[] {
  const url = new URL(values.address as string);
  const issues: string[] = [];
  if (url.username !== '' || url.password !== '') {
    issues.push('"address" must not hold credentials (user:password@); use roleId and secretId');
  }
  if (url.search !== '' || url.hash !== '') {
    issues.push('"address" must not have a query or fragment; give only https://host:port');
  }
  if (/\/v1\/?$/.test(url.pathname)) {
    issues.push('"address" ends in /v1: give Vault\'s address without the API prefix');
  }
  if (url.protocol === 'http:') {
    for (const name of ['caCert', 'skipTlsVerify'] as const) {
      if (values[name] !== undefined && values[name] !== false) {
        issues.push(`"${name}" only applies to an https address; "address" uses http`);
      }
    }
  }
  return issues;
}

function mountPathIssues(name: string, value: string): string[] {
  if (value.startsWith('/') || value.endsWith('/')) {
    return [`"${name}" must not start or end with "/"; write it as ${example(name)}`];
  }
  const segments = value.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return [`"${name}" has an empty, "." or ".." segment; write it as ${example(name)}`];
  }
  if (/[\\?#%\s]/.test(value)) {
    return [`"${name}" must not contain spaces or any of \\ ? # %; write it as ${example(name)}`];
  }
  return [];
}

function example(name: string): string {
  if (name === 'authPath') return 'approle or teams/approle';
  if (name === 'mountPath') return 'secret or kv/team';
  return 'team-a or team-a/ci';
}

/**
 * A Vault policy: API path pattern → capabilities, as in
 * `path "secret/data/crow/*" { capabilities = ["read"] }`. A pattern may end in `*` (any
 * suffix) and use `+` for exactly one segment.
 */
export type VaultPolicyRules = Readonly<Record<string, readonly string[]>>;

/**
 * Whether the policies grant `capability` on `path` (relative to the namespace). Simplified
 * from Vault: `deny` in any matching rule wins, otherwise any matching grant allows; the
 * `root` policy allows everything.
 */
export function policiesAllow(
  policies: ReadonlyMap<string, VaultPolicyRules>,
  policyNames: readonly string[],
  path: string,
  capability: string,
): boolean {
  if (policyNames.includes('root')) return true;
  let granted = false;
  for (const name of policyNames) {
    const rules = policies.get(name);
    if (rules === undefined) continue;
    for (const [pattern, capabilities] of Object.entries(rules)) {
      if (!patternMatches(pattern, path)) continue;
      if (capabilities.includes('deny')) return false;
      if (capabilities.includes(capability)) granted = true;
    }
  }
  return granted;
}

function patternMatches(pattern: string, path: string): boolean {
  const glob = pattern.endsWith('*');
  const patternSegments = (glob ? pattern.slice(0, -1) : pattern).split('/');
  const pathSegments = path.split('/');
  for (let index = 0; index < patternSegments.length; index++) {
    const expected = patternSegments[index]!;
    const actual = pathSegments[index];
    if (actual === undefined) return false;
    const last = index === patternSegments.length - 1;
    if (expected === '+') continue;
    if (last && glob) return actual.startsWith(expected);
    if (expected !== actual) return false;
  }
  return glob || patternSegments.length === pathSegments.length;
}

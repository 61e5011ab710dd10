/**
 * A SHA-256 of an integration's type and config in canonical JSON (keys sorted at every
 * level), so that the same settings written in another key order share a provider, and a
 * changed setting gets a new one. The hash also keeps credentials out of cache keys.
 */
export function configFingerprint(type: string, config: unknown): string {
  // Loaded here, not with the package: node:crypto takes longer to load than all of core.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256')
    .update(canonicalJson([type, config]))
    .digest('hex');
}

/** JSON with object keys sorted; `undefined` members are left out as `JSON.stringify` does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (typeof member === 'bigint') return member.toString();
    if (typeof member !== 'object' || member === null || Array.isArray(member)) return member;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(member).sort()) {
      sorted[key] = (member as Record<string, unknown>)[key];
    }
    return sorted;
  });
}

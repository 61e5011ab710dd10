const REFERENCE_FIELDS: readonly string[] = ['integration', 'path', 'key', 'version'];

/**
 * What is wrong with a map that holds `from_secret` and `others` besides: reference fields
 * written next to it instead of under it, or unrelated keys. Names at most five, cut short.
 */
export function otherKeysProblem(others: readonly string[]): string {
  const listed = others
    .slice(0, 5)
    .map((key) => JSON.stringify(key.slice(0, 64)))
    .join(', ');
  const more = others.length > 5 ? ` and ${others.length - 5} more` : '';
  if (others.every((key) => REFERENCE_FIELDS.includes(key))) {
    return `this map holds ${listed} next to from_secret; indent them under from_secret`;
  }
  return `a map holding from_secret must hold nothing else, but it also holds ${listed}${more}; move them out`;
}

/** `fromSecret`, `FROM_SECRET`, `from-secrets`: a reference the walk would otherwise pass over. */
export function looksLikeFromSecret(key: string): boolean {
  if (key.length > 16) return false;
  const folded = key.toLowerCase().replace(/[-_\s]/g, '');
  return folded === 'fromsecret' || folded === 'fromsecrets';
}

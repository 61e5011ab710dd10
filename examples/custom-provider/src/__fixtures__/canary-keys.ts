/**
 * A valid base64 AES-256 key that reads as a canary, so a leak is easy to spot and to search
 * for: 42 letters and digits, then `A=` (a final character whose unused bits are zero, so
 * that the text is canonical base64).
 */
export function canaryKey(label: string): string {
  return `CANARY${label}KEY7f3a`.padEnd(42, 'x').concat('A=');
}

/** The key of the integration under test. */
export const integrationKey = canaryKey('GOODFILE');

/** A key the file is also sealed for: another team's, whose secrets are denied to ours. */
export const otherTeamKey = canaryKey('OTHERTEAM');

/** A key the file is not sealed for. */
export const wrongKey = canaryKey('WRONGFILE');

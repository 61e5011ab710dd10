/** What replaces a secret in a message. */
export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not searched for in text: they would mangle messages. */
export const MIN_REDACTED_LENGTH = 4;

const credentialNames =
  'client_?secret|clientSecret|secret_?id|secretId|role_?id|roleId|access_?token|accessToken|client_?token|password|token';

/**
 * Shapes of credentials, each with the part to keep (group 1, when present) before the part
 * to hide. Deliberately narrow: a prose label such as `settings password:` is not a credential.
 */
const credentialPatterns: readonly RegExp[] = [
  // HTTP authorization values: `Bearer <token>`, `Basic <credentials>`.
  /(\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  // JSON Web Tokens (Azure and Infisical access tokens).
  /()\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  // Vault service, batch and recovery tokens (new and legacy forms).
  /()\b(?:hvs|hvb|hvr|s|b|r)\.[A-Za-z0-9_-]{20,}/g,
  // Quoted JSON fields: `"secret_id": "..."`.
  new RegExp(`(["'](?:${credentialNames})["']\\s*:\\s*["'])[^"']+`, 'gi'),
  // Form and query fields: `client_secret=...`.
  new RegExp(`(\\b(?:${credentialNames})=)[^\\s&"']+`, 'gi'),
  // Headers that carry a token: `X-Vault-Token: ...`.
  /(\b(?:x-vault-token|authorization)\s*:\s*)\S+/gi,
];

/**
 * Removes every given secret (exact text of at least {@link MIN_REDACTED_LENGTH} characters)
 * and anything shaped like a credential from a text. Used on every message that leaves the
 * library as a second line of defence: providers should never put a secret there at all.
 */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let result = text;
  const ordered = [...new Set(secrets)]
    .filter((secret) => typeof secret === 'string' && secret.length >= MIN_REDACTED_LENGTH)
    .sort((left, right) => right.length - left.length);
  for (const secret of ordered) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  for (const pattern of credentialPatterns) {
    result = result.replace(pattern, (_match, kept: string) => `${kept}${REDACTED}`);
  }
  return result;
}

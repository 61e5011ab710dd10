import { invalidReferenceError } from './invalid-reference-error';
import { secretPathProblems } from './secret-path-problems';

/**
 * A secret path ready to be put in a URL: each `/`-separated segment percent-encoded with
 * `encodeURIComponent`, the slashes kept (`crow/my app` → `crow/my%20app`). Providers build
 * store URLs with it, so that a reference can only ever reach a secret read.
 *
 * The path is checked again against the rules of design §1, so that a provider given a path
 * that did not come through {@link parseFromSecret} still cannot reach another API of the
 * store (`..` would survive encoding unchanged).
 *
 * @throws SecretError `INVALID_REFERENCE` when the path breaks a rule of design §1.
 */
export function encodeSecretPath(path: string): string {
  if (typeof path !== 'string') {
    throw invalidReferenceError([`path must be text, not ${typeof path}`]);
  }
  const problems = secretPathProblems(path);
  if (problems.length > 0) throw invalidReferenceError(problems);
  return path.split('/').map(encodeURIComponent).join('/');
}

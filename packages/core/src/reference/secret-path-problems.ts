import { textProblems } from './text-problems';

// `\` is a separator on some servers, `?` and `#` end the path of a URL, and `%` would let
// an already-encoded `%2e%2e` reach a server that decodes it twice.
const FORBIDDEN_CHARACTERS = /[\\?#%]/g;
const EXAMPLE = 'e.g. path: crow/myapp';
// Segments of safe characters, none starting with a dot (so none is "." or ".."): almost
// every real path passes this at once; only the rest pay for the checks one by one.
const PLAINLY_VALID = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;
const NO_PROBLEMS: readonly string[] = Object.freeze([]);

/**
 * Every problem of a secret path (design §1): the text rules, no leading or trailing `/`, no
 * empty, `.` or `..` segment, and none of `\ ? # %`. A path that passes can only ever name a
 * secret: once each segment is encoded ({@link encodeSecretPath}) it cannot reach another
 * API of the store (`crow/../../sys/policy` never reaches Vault's `sys/`).
 */
export function secretPathProblems(path: string): readonly string[] {
  if (PLAINLY_VALID.test(path)) return NO_PROBLEMS;
  const problems = [...textProblems('path', path)];
  if (path.length === 0) return problems;
  const segments = path.split('/');
  if (segments[0] === '') {
    problems.push(`path starts with "/"; write it without the leading slash, ${EXAMPLE}`);
  }
  if (segments.length > 1 && segments[segments.length - 1] === '') {
    problems.push(`path ends with "/"; write it without the trailing slash, ${EXAMPLE}`);
  }
  if (segments.slice(1, -1).includes('')) {
    problems.push('path has an empty segment ("//"); remove the doubled slash');
  }
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    problems.push(
      'path has a "." or ".." segment; a reference can only name a secret, never walk to ' +
        "another path: write the secret's full path without dot segments",
    );
  }
  const forbidden = [...new Set(path.match(FORBIDDEN_CHARACTERS))];
  if (forbidden.length > 0) {
    problems.push(
      `path contains ${forbidden.map((character) => `"${character}"`).join(', ')}; the ` +
        'characters \\ ? # and % are not allowed in a path: write it as plain text, not URL-encoded',
    );
  }
  return problems;
}

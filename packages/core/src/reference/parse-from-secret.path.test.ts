import { describe, expect, it } from 'vitest';
import { invalidReferenceProblems } from './__fixtures__/invalid-reference-problems';
import { parseFromSecret } from './parse-from-secret';

const valid = { integration: 'vault-prod', path: 'crow/myapp', key: 'api_key' };

function pathProblems(path: string): readonly string[] {
  return invalidReferenceProblems({ ...valid, path });
}

describe('parseFromSecret: path rules (design §1)', () => {
  it.each([
    'crow/myapp',
    'a',
    'crow/my app/v1',
    'team-a/app_b/c.d',
    '..a/b..',
    '.env',
    'ключ/秘密',
  ])('accepts %j', (path) => {
    expect(parseFromSecret({ ...valid, path })).toMatchObject({ path });
  });

  it.each([
    ['crow/../../sys/policy', /"\." or "\.\." segment/],
    ['..', /"\." or "\.\." segment/],
    ['crow/./app', /"\." or "\.\." segment/],
    ['crow/..', /"\." or "\.\." segment/],
    ['/crow/app', /starts with "\/"/],
    ['crow/app/', /ends with "\/"/],
    ['crow//app', /empty segment/],
    ['%2e%2e/sys/policy', /contains "%"/],
    ['crow/%2E%2E/sys', /contains "%"/],
    ['crow\\..\\sys', /contains "\\"/],
    ['crow/app?version=1', /contains "\?"/],
    ['crow/app#frag', /contains "#"/],
    ['crow/\u0000app', /control character \(U\+0000\)/],
    ['crow/app\u007f', /control character \(U\+007F\)/],
    ['crow/app\u0085', /control character \(U\+0085\)/],
    ['crow/app\u202Esys', /invisible formatting character \(U\+202E\)/],
    ['crow/\u200Bapp', /invisible formatting character \(U\+200B\)/],
    ['crow/app\u2066x', /invisible formatting character \(U\+2066\)/],
    [' crow/app', /leading or trailing whitespace/],
    ['crow/app\n', /leading or trailing whitespace/],
    ['', /path is empty/],
    ['/', /starts with "\/"/],
  ])('rejects %j', (path, expected) => {
    expect(pathProblems(path).join('\n')).toMatch(expected);
  });

  it('reports every rule a path breaks, naming each forbidden character once', () => {
    const problems = pathProblems('/a//../b%?%/');
    expect(problems.join('\n')).toMatch(/starts with/);
    expect(problems.join('\n')).toMatch(/ends with/);
    expect(problems.join('\n')).toMatch(/empty segment/);
    expect(problems.join('\n')).toMatch(/dot segments/);
    expect(problems.join('\n')).toMatch(/contains "%", "\?";/);
  });

  it('rejects path when it is not text', () => {
    expect(pathProblems(12 as unknown as string).join()).toMatch(/path must be text, not a number/);
  });
});

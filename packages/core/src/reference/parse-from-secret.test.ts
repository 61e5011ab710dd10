import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { parseFromSecret } from './parse-from-secret';

const valid = { integration: 'vault-prod', path: 'crow/myapp', key: 'api_key' };

function problemsOf(value: unknown): readonly string[] {
  try {
    parseFromSecret(value);
  } catch (error) {
    expect(SecretError.isInstance(error)).toBe(true);
    const secretError = error as SecretError;
    expect(secretError.code).toBe('INVALID_REFERENCE');
    expect(secretError.issues?.length).toBeGreaterThan(0);
    for (const issue of secretError.issues ?? []) expect(secretError.message).toContain(issue);
    return secretError.issues ?? [];
  }
  throw new Error('expected parseFromSecret to throw');
}

function pathProblems(path: string): readonly string[] {
  return problemsOf({ ...valid, path });
}

describe('parseFromSecret: string form', () => {
  it('reads a name as an internal reference', () => {
    expect(parseFromSecret('my_token')).toEqual({ kind: 'internal', name: 'my_token' });
  });

  it.each([
    ['', /from_secret is empty/],
    [' my_token', /leading or trailing whitespace/],
    ['my_token\n', /leading or trailing whitespace/],
    ['my\u0007token', /control character \(U\+0007\) at position 3/],
    ['my\uD800token', /lone surrogate, U\+D800/],
  ])('rejects %j', (name, expected) => {
    expect(problemsOf(name).join('\n')).toMatch(expected);
  });

  it('keeps a name with inner spaces and non-Latin text', () => {
    expect(parseFromSecret('deploy key ✓ 🔑')).toEqual({
      kind: 'internal',
      name: 'deploy key ✓ 🔑',
    });
  });
});

describe('parseFromSecret: object form', () => {
  it('reads the example of design §1', () => {
    expect(parseFromSecret({ ...valid, version: 3 })).toEqual({
      kind: 'external',
      integration: 'vault-prod',
      path: 'crow/myapp',
      key: 'api_key',
      version: 3,
    });
  });

  it('reads a positive whole number as an id and any non-empty text as a name ("1" is a name)', () => {
    expect(parseFromSecret({ ...valid, integration: 1 })).toMatchObject({ integration: 1 });
    expect(parseFromSecret({ ...valid, integration: '1' })).toMatchObject({ integration: '1' });
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, true, null, [], {}])(
    'rejects integration %j',
    (integration) => {
      expect(problemsOf({ ...valid, integration }).join('\n')).toMatch(/^integration must be/m);
    },
  );

  it.each(['', ' vault', 'vault\t'])('rejects the integration name %j', (integration) => {
    expect(problemsOf({ ...valid, integration }).join('\n')).toMatch(/^integration /m);
  });

  it('leaves an absent version absent, not an own undefined property', () => {
    const reference = parseFromSecret(valid);
    expect(Object.hasOwn(reference, 'version')).toBe(false);
    expect(Object.keys(reference)).toEqual(['kind', 'integration', 'path', 'key']);
  });

  it('keeps version 0 (the latest) and version ids as given', () => {
    expect(parseFromSecret({ ...valid, version: 0 })).toMatchObject({ version: 0 });
    expect(parseFromSecret({ ...valid, version: 'a1b2c3' })).toMatchObject({ version: 'a1b2c3' });
    expect(parseFromSecret({ ...valid, version: '3' })).toMatchObject({ version: '3' });
  });

  it.each([-1, 0.5, Number.NaN, 2 ** 60, null, '', ' v1', 'v\n1', true, []])(
    'rejects version %j',
    (version) => {
      expect(problemsOf({ ...valid, version }).join('\n')).toMatch(/^version /m);
    },
  );

  it.each([
    ['', /^key is empty/m],
    [' api_key', /^key has leading or trailing whitespace/m],
    ['api\u0000key', /^key contains a control character \(U\+0000\)/m],
    [42, /^key must be text, not a number; quote it/m],
    [null, /^key must be text, not null/m],
  ])('rejects key %j', (key, expected) => {
    expect(problemsOf({ ...valid, key }).join('\n')).toMatch(expected);
  });

  it('accepts a key with a slash or inner spaces: it is looked up in the data, not in a URL', () => {
    expect(parseFromSecret({ ...valid, key: 'tls/cert file' })).toMatchObject({
      key: 'tls/cert file',
    });
  });

  it('names each missing field with an example', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^integration is missing; add it, .*integration: vault-prod/);
    expect(problems[1]).toMatch(/^path is missing; add it, e\.g\. path: crow\/myapp/);
    expect(problems[2]).toMatch(/^key is missing; add it/);
  });

  it('suggests the nearest field for an unknown one, and does not also call it missing', () => {
    const problems = problemsOf({ intergration: 'vault-prod', path: 'crow/myapp', key: 'k' });
    expect(problems).toEqual(['unknown field "intergration"; did you mean "integration"?']);
  });

  it('lists the valid fields when no field is near', () => {
    expect(problemsOf({ ...valid, colour: 'red' })).toEqual([
      'unknown field "colour"; the fields are integration, path, key and version',
    ]);
  });

  it('reports every problem of one reference in one error', () => {
    const problems = problemsOf({
      intergration: 1,
      path: 'crow/../../sys/policy',
      key: ' k',
      version: -1,
      extra: true,
    });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/did you mean "integration"/);
    expect(problems.join('\n')).toMatch(/"\." or "\.\." segment/);
    expect(problems.join('\n')).toMatch(/^key has leading/m);
    expect(problems.join('\n')).toMatch(/^version must be/m);
    expect(problems.join('\n')).toMatch(/unknown field "extra"/);
  });

  it('rejects values that are neither a name nor a map, saying how to fix each', () => {
    expect(problemsOf(null)[0]).toMatch(/from_secret is empty \(null\)/);
    expect(problemsOf(undefined)[0]).toMatch(/from_secret is empty \(undefined\)/);
    expect(problemsOf(123)[0]).toMatch(/from_secret is a number; a secret name is text: quote it/);
    expect(problemsOf(['a'])[0]).toMatch(/not a list/);
    expect(problemsOf(new Map([['path', 'x']]))[0]).toMatch(/from_secret is a Map; parse the/);
    expect(problemsOf(new Date(0))[0]).toMatch(/not an object that is not a plain map/);
  });

  it('accepts a map without a prototype, and reads only own properties', () => {
    const bare = Object.assign(Object.create(null), valid);
    expect(parseFromSecret(bare)).toMatchObject({ path: 'crow/myapp' });
    const inherited = Object.create({ integration: 1, path: 'crow/app', key: 'k' });
    expect(problemsOf(inherited)).toEqual([
      'from_secret must be a secret name (text) or a map of integration, path and key, not an object that is not a plain map',
    ]);
  });

  it('never reads a field inherited from Object.prototype', () => {
    Object.defineProperty(Object.prototype, 'version', { value: -1, configurable: true });
    try {
      expect(Object.hasOwn(parseFromSecret({ ...valid }), 'version')).toBe(false);
      expect(problemsOf({ path: 'crow/app', key: 'k' })).toHaveLength(1);
    } finally {
      delete (Object.prototype as Record<string, unknown>).version;
    }
  });

  it('treats an own __proto__ key as an unknown field and pollutes nothing', () => {
    const value = JSON.parse('{"integration":1,"path":"a","key":"k","__proto__":{"polluted":1}}');
    expect(problemsOf(value)).toEqual([
      'unknown field "__proto__"; the fields are integration, path, key and version',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never quotes a value in a message', () => {
    const canary = ' CANARY-SECRET-VALUE-7f3a ';
    for (const value of [canary, { ...valid, path: canary }, { ...valid, key: canary }]) {
      expect(() => parseFromSecret(value)).toThrow(SecretError);
      try {
        parseFromSecret(value);
      } catch (error) {
        expect(JSON.stringify((error as SecretError).toJSON())).not.toContain('CANARY');
      }
    }
  });

  it('cuts a huge unknown field name short in the message', () => {
    const field = 'x'.repeat(1_000_000);
    const [problem] = problemsOf({ ...valid, [field]: 1 });
    expect(problem!.length).toBeLessThan(200);
  });
});

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

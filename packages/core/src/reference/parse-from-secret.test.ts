import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { invalidReferenceProblems } from './__fixtures__/invalid-reference-problems';
import { parseFromSecret } from './parse-from-secret';

const valid = { integration: 'vault-prod', path: 'crow/myapp', key: 'api_key' };

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
    expect(invalidReferenceProblems(name).join('\n')).toMatch(expected);
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
      expect(invalidReferenceProblems({ ...valid, integration }).join('\n')).toMatch(
        /^integration must be/m,
      );
    },
  );

  it.each(['', ' vault', 'vault\t'])('rejects the integration name %j', (integration) => {
    expect(invalidReferenceProblems({ ...valid, integration }).join('\n')).toMatch(
      /^integration /m,
    );
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
      expect(invalidReferenceProblems({ ...valid, version }).join('\n')).toMatch(/^version /m);
    },
  );

  it.each([
    ['', /^key is empty/m],
    [' api_key', /^key has leading or trailing whitespace/m],
    ['api\u0000key', /^key contains a control character \(U\+0000\)/m],
    [42, /^key must be text, not a number; quote it/m],
    [null, /^key must be text, not null/m],
  ])('rejects key %j', (key, expected) => {
    expect(invalidReferenceProblems({ ...valid, key }).join('\n')).toMatch(expected);
  });

  it('accepts a key with a slash or inner spaces: it is looked up in the data, not in a URL', () => {
    expect(parseFromSecret({ ...valid, key: 'tls/cert file' })).toMatchObject({
      key: 'tls/cert file',
    });
  });

  it('names each missing field with an example', () => {
    const problems = invalidReferenceProblems({});
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^integration is missing; add it, .*integration: vault-prod/);
    expect(problems[1]).toMatch(/^path is missing; add it, e\.g\. path: crow\/myapp/);
    expect(problems[2]).toMatch(/^key is missing; add it/);
  });

  it('suggests the nearest field for an unknown one, and does not also call it missing', () => {
    const problems = invalidReferenceProblems({
      intergration: 'vault-prod',
      path: 'crow/myapp',
      key: 'k',
    });
    expect(problems).toEqual(['unknown field "intergration"; did you mean "integration"?']);
  });

  it('lists the valid fields when no field is near', () => {
    expect(invalidReferenceProblems({ ...valid, colour: 'red' })).toEqual([
      'unknown field "colour"; the fields are integration, path, key and version',
    ]);
  });

  it('reports every problem of one reference in one error', () => {
    const problems = invalidReferenceProblems({
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
    expect(invalidReferenceProblems(null)[0]).toMatch(/from_secret is empty \(null\)/);
    expect(invalidReferenceProblems(undefined)[0]).toMatch(/from_secret is empty \(undefined\)/);
    expect(invalidReferenceProblems(123)[0]).toMatch(
      /from_secret is a number; a secret name is text: quote it/,
    );
    expect(invalidReferenceProblems(['a'])[0]).toMatch(/not a list/);
    expect(invalidReferenceProblems(new Map([['path', 'x']]))[0]).toMatch(
      /from_secret is a Map; parse the/,
    );
    expect(invalidReferenceProblems(new Date(0))[0]).toMatch(
      /not an object that is not a plain map/,
    );
  });

  it('accepts a map without a prototype, and reads only own properties', () => {
    const bare = Object.assign(Object.create(null), valid);
    expect(parseFromSecret(bare)).toMatchObject({ path: 'crow/myapp' });
    const inherited = Object.create({ integration: 1, path: 'crow/app', key: 'k' });
    expect(invalidReferenceProblems(inherited)).toEqual([
      'from_secret must be a secret name (text) or a map of integration, path and key, not an object that is not a plain map',
    ]);
  });

  it('never reads a field inherited from Object.prototype', () => {
    Object.defineProperty(Object.prototype, 'version', { value: -1, configurable: true });
    try {
      expect(Object.hasOwn(parseFromSecret({ ...valid }), 'version')).toBe(false);
      expect(invalidReferenceProblems({ path: 'crow/app', key: 'k' })).toHaveLength(1);
    } finally {
      delete (Object.prototype as Record<string, unknown>).version;
    }
  });

  it('treats an own __proto__ key as an unknown field and pollutes nothing', () => {
    const value = JSON.parse('{"integration":1,"path":"a","key":"k","__proto__":{"polluted":1}}');
    expect(invalidReferenceProblems(value)).toEqual([
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
    const [problem] = invalidReferenceProblems({ ...valid, [field]: 1 });
    expect(problem!.length).toBeLessThan(200);
  });
});

import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { findReferences } from './find-references';
import { resolvePointer } from './json-pointer';
import { substituteReferences } from './substitute-references';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function pipeline() {
  return {
    version: 1,
    steps: [
      {
        name: 'deploy',
        commands: ['./deploy.sh'],
        environment: {
          TOKEN: { from_secret: 'my_token' },
          PLAIN: 'kept',
          API_KEY: { from_secret: { integration: 1, path: 'crow/app', key: 'k' } },
        },
      },
      { name: 'test', commands: ['npm test'] },
    ],
    services: { db: { settings: { auth: [{ password: { from_secret: 'db' } }] } } },
  };
}

function errorOf(run: () => unknown): SecretError {
  try {
    run();
  } catch (error) {
    expect(SecretError.isInstance(error)).toBe(true);
    expect((error as SecretError).code).toBe('INVALID_REFERENCE');
    return error as SecretError;
  }
  throw new Error('expected a SecretError');
}

describe('substituteReferences', () => {
  it('replaces each reference map by its value, everything else unchanged', () => {
    const input = deepFreeze(pipeline());
    const replacements = findReferences(input).map(({ location }, index) => ({
      pointer: location.pointer,
      value: `value-${index}`,
    }));
    const output = substituteReferences(input, replacements);
    const expected = pipeline();
    Object.assign(expected.steps[0]!.environment!, { TOKEN: 'value-0', API_KEY: 'value-1' });
    expected.services.db.settings.auth[0]!.password = 'value-2' as never;
    expect(output).toEqual(expected);
    expect(JSON.stringify(input)).toBe(JSON.stringify(pipeline()));
    expect(findReferences(output)).toEqual([]);
  });

  it('copies only along the changed paths and shares the rest', () => {
    const input = pipeline();
    const output = substituteReferences(input, [
      { pointer: '/steps/0/environment/TOKEN', value: 'v' },
    ]) as ReturnType<typeof pipeline>;
    expect(output).not.toBe(input);
    expect(output.steps).not.toBe(input.steps);
    expect(output.steps[0]).not.toBe(input.steps[0]);
    expect(output.steps[0]!.environment).not.toBe(input.steps[0]!.environment);
    expect(output.steps[0]!.commands).toBe(input.steps[0]!.commands);
    expect(output.steps[0]!.environment!.API_KEY).toBe(input.steps[0]!.environment!.API_KEY);
    expect(output.steps[1]).toBe(input.steps[1]);
    expect(output.services).toBe(input.services);
  });

  it('gives the same result whatever the order of the replacements', () => {
    const input = pipeline();
    const replacements = findReferences(input).map(({ location }, index) => ({
      pointer: location.pointer,
      value: `value-${index}`,
    }));
    const inOrder = substituteReferences(input, replacements);
    const reversed = substituteReferences(input, [...replacements].reverse());
    const interleaved = substituteReferences(input, [
      replacements[1]!,
      replacements[2]!,
      replacements[0]!,
    ]);
    expect(reversed).toEqual(inOrder);
    expect(interleaved).toEqual(inOrder);
  });

  it('returns a copy of the root even with nothing to replace', () => {
    const input = pipeline();
    const output = substituteReferences(input, []);
    expect(output).not.toBe(input);
    expect(output).toEqual(input);
  });

  it('gives each place of a shared (YAML anchor) value its own value', () => {
    const shared = { TOKEN: { from_secret: 'x' } };
    const input = { steps: [{ environment: shared }, { environment: shared }] };
    const output = substituteReferences(input, [
      { pointer: '/steps/0/environment/TOKEN', value: 'first' },
      { pointer: '/steps/1/environment/TOKEN', value: 'second' },
    ]);
    expect(output).toEqual({
      steps: [{ environment: { TOKEN: 'first' } }, { environment: { TOKEN: 'second' } }],
    });
    expect(shared).toEqual({ TOKEN: { from_secret: 'x' } });
  });

  it('follows escaped pointers and keeps __proto__ keys as plain data', () => {
    const input = JSON.parse(
      '{"steps":{"a/b~c":{"environment":{"__proto__":{"from_secret":"x"},"K":"v"}}}}',
    );
    const [found] = findReferences(input);
    expect(found!.location.pointer).toBe('/steps/a~1b~0c/environment/__proto__');
    const output = substituteReferences(input, [
      { pointer: found!.location.pointer, value: 'secret' },
    ]);
    const environment = resolvePointer(output, '/steps/a~1b~0c/environment') as object;
    expect(Object.getOwnPropertyDescriptor(environment, '__proto__')?.value).toBe('secret');
    expect(Object.getPrototypeOf(environment)).toBe(Object.prototype);
    expect(Object.keys(environment)).toEqual(['__proto__', 'K']);
    expect(({} as Record<string, unknown>).from_secret).toBeUndefined();
  });

  it('keeps maps without a prototype without one', () => {
    const environment = Object.assign(Object.create(null), { A: { from_secret: 'x' } });
    const output = substituteReferences({ steps: [{ environment }] }, [
      { pointer: '/steps/0/environment/A', value: 'v' },
    ]);
    expect(Object.getPrototypeOf(resolvePointer(output, '/steps/0/environment'))).toBeNull();
    expect(resolvePointer(output, '/steps/0/environment/A')).toBe('v');
  });

  it.each([
    ['steps/0/environment/TOKEN', /starts with "\/"/],
    ['/steps/0/environment/T~2', /"~0" and "\/" is written "~1"/],
    ['', /points at the pipeline itself/],
    ['/steps/9/environment/TOKEN', /nothing stands there/],
    ['/steps/00/environment/TOKEN', /nothing stands there/],
    ['/steps/-/environment/TOKEN', /nothing stands there/],
    ['/steps/0/environment/PLAIN', /does not point at a map whose only key is from_secret/],
    ['/steps/0/environment', /does not point at a map whose only key is from_secret/],
    ['/steps/0/name/x', /does not lead to a from_secret map/],
    ['/steps/0/environment/API_KEY/from_secret', /does not point at a map whose only key/],
    ['/constructor/prototype', /nothing stands there/],
    ['/__proto__/polluted', /nothing stands there/],
  ])('rejects the pointer %j', (pointer, expected) => {
    const error = errorOf(() => substituteReferences(pipeline(), [{ pointer, value: 'v' }]));
    expect(error.message).toMatch(expected);
    expect(error.message).not.toContain('CANARY');
  });

  it.each([
    ['/steps/0/environment/N', /does not point at a map whose only key is from_secret/],
    ['/steps/0/environment/N/x', /does not lead to a from_secret map/],
    ['/steps/0/environment/Z/x', /does not lead to a from_secret map/],
  ])(
    'rejects the pointer %j through a value that is not a container, NaN included',
    (pointer, expected) => {
      const input = { steps: [{ environment: { N: Number.NaN, Z: -0, A: { from_secret: 'a' } } }] };
      const error = errorOf(() =>
        substituteReferences(input, [
          { pointer: '/steps/0/environment/A', value: 'v' },
          { pointer, value: 'v' },
        ]),
      );
      expect(error.message).toMatch(expected);
    },
  );

  it('rejects a pointer given twice or one that leads into a replaced reference', () => {
    const twice = errorOf(() =>
      substituteReferences(pipeline(), [
        { pointer: '/steps/0/environment/TOKEN', value: 'a' },
        { pointer: '/steps/0/environment/TOKEN', value: 'b' },
      ]),
    );
    expect(twice.message).toMatch(/given twice/);
    const inside = errorOf(() =>
      substituteReferences(pipeline(), [
        { pointer: '/steps/0/environment/API_KEY', value: 'a' },
        { pointer: '/steps/0/environment/API_KEY/from_secret', value: 'b' },
      ]),
    );
    expect(inside.message).toMatch(/leads into a reference that another pointer replaces/);
  });

  it('rejects a value that is not text without quoting anything', () => {
    const error = errorOf(() =>
      substituteReferences(pipeline(), [
        { pointer: '/steps/0/environment/TOKEN', value: 42 as unknown as string },
      ]),
    );
    expect(error.message).toMatch(/the value must be text/);
  });

  it('rejects a pipeline that is not a map', () => {
    expect(errorOf(() => substituteReferences([pipeline()], [])).message).toMatch(
      /the pipeline must be a map/,
    );
  });

  it('never puts the value in an error message', () => {
    const error = errorOf(() =>
      substituteReferences(pipeline(), [
        { pointer: '/steps/0/environment/TOKEN', value: 'CANARY-SECRET-VALUE-7f3a' },
        { pointer: '/steps/0/environment/PLAIN', value: 'CANARY-SECRET-VALUE-7f3a' },
      ]),
    );
    expect(JSON.stringify(error.toJSON())).not.toContain('CANARY');
  });
});

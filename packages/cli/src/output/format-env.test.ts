import { describe, expect, it } from 'vitest';
import { formatEnv } from './format-env';

describe('formatEnv', () => {
  it('prints each step and service environment under a header, quoted, settings left out', () => {
    const result = formatEnv({
      steps: [
        { name: 'build', image: 'node', settings: { token: 'not-env' } },
        {
          name: 'deploy',
          environment: {
            API_KEY: 'abc def',
            PORT: 8080,
            DEBUG: false,
            EMPTY: null,
            LIST: [1, 'a'],
          },
        },
      ],
      services: { database: { environment: { PASSWORD: "it's" } } },
    });
    expect(result.text).toBe(
      [
        '# step: deploy',
        "API_KEY='abc def'",
        "PORT='8080'",
        "DEBUG='false'",
        "EMPTY=''",
        `LIST='[1,"a"]'`,
        '',
        '# service: database',
        'PASSWORD="it\'s"',
        '',
      ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('names a step by its key or index when it has no name', () => {
    expect(formatEnv({ steps: [{ environment: { A: 'x' } }] }).text).toBe("# step: 0\nA='x'\n");
    expect(formatEnv({ steps: { lint: { environment: { A: 'x' } } } }).text).toBe(
      "# step: lint\nA='x'\n",
    );
  });

  it('quotes a step name that could end the comment line', () => {
    const result = formatEnv({ steps: [{ name: 'evil\nINJECTED=1', environment: { A: 'x' } }] });
    expect(result.text).toBe('# step: "evil\\nINJECTED=1"\nA=\'x\'\n');
  });

  it('reports names a shell rejects and NUL characters at their pointers', () => {
    const result = formatEnv({
      steps: [{ name: 'deploy', environment: { 'MY-VAR': 'x', OK: 'a\0b' } }],
    });
    expect(
      result.problems.map((problem) => [problem.pointer, problem.target, problem.error.code]),
    ).toEqual([
      ['/steps/0/environment/MY-VAR', 'key', 'UNSUPPORTED_ENVIRONMENT_OUTPUT'],
      ['/steps/0/environment/OK', undefined, 'UNSUPPORTED_ENVIRONMENT_OUTPUT'],
    ]);
    expect(result.problems.map((problem) => problem.error.message).join('\n')).not.toContain(
      'a\0b',
    );
  });

  it('warns, by name only, about a value a dotenv reader cannot read back', () => {
    const result = formatEnv({
      steps: [{ name: 'deploy', environment: { TOKEN: "CANARY'$VALUE" } }],
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('TOKEN (step deploy)');
    expect(result.warnings[0]).not.toContain('CANARY');
  });
});

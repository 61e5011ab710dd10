// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these tests are about the ${NAME} syntax.
import { describe, expect, it } from 'vitest';
import { substituteEnvironment } from './substitute-environment';

describe('substituteEnvironment', () => {
  it('replaces ${NAME} anywhere in a string, keeps $${ literal and leaves the input alone', () => {
    const input = {
      config: {
        address: 'https://${HOST}:8200',
        secretId: '${SECRET}',
        note: 'cost $5, $${LITERAL}',
      },
      list: ['${HOST}'],
    };
    const result = substituteEnvironment(input, {
      HOST: 'vault.example.com',
      SECRET: 'CANARY-SECRET-ID-7f3a',
    });
    expect(result.problems).toEqual([]);
    expect(result.value).toEqual({
      config: {
        address: 'https://vault.example.com:8200',
        secretId: 'CANARY-SECRET-ID-7f3a',
        note: 'cost $5, ${LITERAL}',
      },
      list: ['vault.example.com'],
    });
    expect(input.config.secretId).toBe('${SECRET}');
  });

  it('reports every unset variable by name at its pointer, and malformed references', () => {
    const result = substituteEnvironment(
      {
        integrations: [
          {
            config: {
              roleId: '${ROLE_ID}',
              secretId: '${SECRET_ID}',
              bad: '${1X}',
              open: '${OPEN',
            },
          },
        ],
      },
      { ROLE_ID: '' },
    );
    expect(result.problems.map((problem) => [problem.pointer, problem.error.code])).toEqual([
      ['/integrations/0/config/secretId', 'ENVIRONMENT_VARIABLE_NOT_SET'],
      ['/integrations/0/config/bad', 'INVALID_INTEGRATIONS_FILE'],
      ['/integrations/0/config/open', 'INVALID_INTEGRATIONS_FILE'],
    ]);
    expect(result.problems[0]!.error.message).toContain('SECRET_ID is not set');
  });

  it('keeps a key named __proto__ as data', () => {
    const value = substituteEnvironment(JSON.parse('{"__proto__": {"polluted": true}}'), {})
      .value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

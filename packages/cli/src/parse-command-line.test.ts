import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error';
import type { CommandSpec } from './command-spec';
import { parseCommandLine } from './parse-command-line';

const spec: CommandSpec = {
  name: 'resolve',
  summary: 's',
  description: 'd',
  positionals: ['<pipeline.yml>'],
  options: {
    integrations: { type: 'string', valueName: '<file>', required: true, description: 'i' },
    format: { type: 'string', choices: ['yaml', 'json', 'env'], description: 'f' },
    reveal: { type: 'boolean', description: 'r' },
    'provider-package': { type: 'string', multiple: true, description: 'p' },
  },
  examples: [],
  run: async () => 0,
};

function usage(args: string[]): string {
  try {
    parseCommandLine(spec, args);
  } catch (error) {
    if (error instanceof CliError && error.code === 'USAGE') return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('parseCommandLine', () => {
  it('returns flags and the positional argument', () => {
    expect(
      parseCommandLine(spec, ['p.yml', '--integrations', 'i.yml', '--reveal', '--json']),
    ).toEqual({
      values: { integrations: 'i.yml', reveal: true, json: true },
      positionals: ['p.yml'],
    });
  });

  it('rejects an unknown flag, suggesting the nearest one', () => {
    expect(usage(['p.yml', '--integrations', 'i', '--revael'])).toBe(
      'Unknown option --revael. Did you mean --reveal? Run fromsecret resolve --help for usage.',
    );
  });

  it('rejects missing and extra arguments, missing required flags, bad choices and repeats', () => {
    expect(usage(['--integrations', 'i'])).toContain('Missing <pipeline.yml>.');
    expect(usage(['p.yml', 'q.yml', '--integrations', 'i'])).toContain(
      'Unexpected argument "q.yml".',
    );
    expect(usage(['p.yml'])).toContain('Missing --integrations <file>.');
    expect(usage(['p.yml', '--integrations', 'i', '--format', 'xml'])).toContain(
      '--format must be one of yaml, json, env.',
    );
    expect(usage(['p.yml', '--integrations', 'a', '--integrations', 'b'])).toContain(
      '--integrations is given more than once',
    );
    expect(usage(['p.yml', '--integrations', ''])).toContain('--integrations is empty');
    expect(usage(['p.yml', '--integrations'])).toContain('argument missing');
    expect(usage(['p.yml', '--integrations', 'i', '--reveal=yes'])).toContain('--reveal');
  });

  it('collects a repeatable flag into a list, and still rejects an empty value', () => {
    const args = ['p.yml', '--integrations', 'i', '--provider-package', 'a=x'];
    expect(parseCommandLine(spec, [...args, '--provider-package', 'b=y']).values).toEqual({
      integrations: 'i',
      'provider-package': ['a=x', 'b=y'],
    });
    expect(usage([...args, '--provider-package', ''])).toContain('--provider-package is empty');
  });
});

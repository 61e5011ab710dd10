import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace, spawnCli } from '../test-support/spawn-cli';

const workspace = createWorkspace();
afterAll(() => workspace.remove());
const cwd = workspace.directory;

const broken = [
  'steps:', // 1
  '  - name: deploy', // 2
  '    image: alpine', // 3
  '    environment:', // 4
  '      GOOD:', // 5
  '        from_secret: { integration: vault-prod, path: crow/app, key: api_key }', // 6
  '      TYPO:', // 7
  '        from_secret: { intergration: vault-prod, path: crow/app, key: api_key }', // 8
  '      BAD_PATH:', // 9
  '        from_secret:', // 10
  '          integration: 1', // 11
  '          path: crow/../sys', // 12
  '          key: token', // 13
  '  - name: publish', // 14
  '    settings:', // 15
  '      password:', // 16
  "        from_secret: ''", // 17
].join('\n');

describe('fromsecret check', () => {
  it('reports every problem at once with file:line:column and the fix, and exits 1', async () => {
    workspace.write('broken.yml', broken);
    const run = await spawnCli(['check', 'broken.yml'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const located = run.stderr.split('\n').filter((line) => line.startsWith('broken.yml:'));
    expect(located.map((line) => line.split(': ')[0])).toEqual([
      'broken.yml:8:22',
      'broken.yml:11:11',
      'broken.yml:17:22',
    ]);
    expect(located[0]).toContain('INVALID_REFERENCE');
    expect(located[0]).toContain('did you mean "integration"');
    expect(located[1]).toMatch(/\.\./);
    expect(run.stderr).toContain('3 problems.');
  });

  it('prints the problems as SecretError JSON forms with positions under --json', async () => {
    workspace.write('broken.yml', broken);
    const run = await spawnCli(['check', 'broken.yml', '--json'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const body = JSON.parse(run.stdout);
    expect(body.ok).toBe(false);
    expect(body.errors).toHaveLength(3);
    expect(body.errors[0]).toMatchObject({
      name: 'SecretError',
      code: 'INVALID_REFERENCE',
      retryable: false,
      location: {
        pointer: '/steps/0/environment/TYPO',
        step: 'deploy',
        section: 'environment',
        name: 'TYPO',
      },
      position: { file: 'broken.yml', line: 8, column: 22 },
    });
    expect(body.errors[2].location).toMatchObject({
      step: 'publish',
      section: 'settings',
      name: 'password',
    });
  });

  it('lists the references of a valid pipeline with their positions and exits 0', async () => {
    workspace.write(
      'good.yml',
      'steps:\n  deploy:\n    environment:\n      TOKEN: { from_secret: my_token }\n      KEY:\n        from_secret: { integration: 1, path: crow/app, key: k, version: 2 }\n',
    );
    const run = await spawnCli(['check', 'good.yml'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'good.yml:4:29: internal secret "my_token"',
        'good.yml:6:22: integration 1 path "crow/app" key "k" version 2',
        'good.yml: 2 references (1 through 1 integration, 1 internal); no problems found.',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await spawnCli(['check', 'good.yml', '--json'], { cwd })).stdout);
    expect(json.ok).toBe(true);
    expect(json.references[1]).toMatchObject({
      reference: { kind: 'external', integration: 1, path: 'crow/app', key: 'k', version: 2 },
      position: { line: 6, column: 22 },
    });
  });

  it('reports YAML syntax errors with their position and exits 1', async () => {
    workspace.write('syntax.yml', 'steps:\n  - name: a\n    environment: { A: [1, }\n');
    const run = await spawnCli(['check', 'syntax.yml'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^syntax\.yml:3:\d+: INVALID_YAML: The pipeline file is not valid YAML/,
    );
  });

  it('reports a problem with the pipeline shape against the file', async () => {
    workspace.write('shape.yml', 'steps: 5\n');
    const run = await spawnCli(['check', 'shape.yml', '--json'], { cwd });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).errors[0]).toMatchObject({
      code: 'INVALID_REFERENCE',
      position: { file: 'shape.yml' },
    });
  });

  it('refuses an alias bomb and an oversized file with a clear error', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      levels.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(',')}]`,
      );
    }
    workspace.write('bomb.yml', `${levels.join('\n')}\nsteps: []\n`);
    const bomb = await spawnCli(['check', 'bomb.yml'], { cwd });
    expect(bomb.status).toBe(1);
    expect(bomb.stderr).toMatch(
      /^bomb\.yml: INVALID_YAML: The pipeline file expands its aliases \(\*name\) more than 100 times, which is how an alias bomb exhausts memory/,
    );
    workspace.write('huge.yml', `steps: []\n# ${'x'.repeat(1024 * 1024)}\n`);
    const huge = await spawnCli(['check', 'huge.yml'], { cwd });
    expect(huge.status).toBe(1);
    expect(huge.stderr).toBe(
      'fromsecret: FILE_TOO_LARGE: The pipeline file huge.yml is larger than 1 MiB, the most fromsecret reads; a file this large is not a CI configuration.\n',
    );
  });

  it('treats a missing pipeline file as a usage error (exit 2)', async () => {
    const run = await spawnCli(['check', 'missing.yml'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'fromsecret: FILE_NOT_READABLE: The pipeline file missing.yml does not exist',
    );
  });
});

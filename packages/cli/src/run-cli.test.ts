import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace, spawnCli } from './test-support/spawn-cli';

const workspace = createWorkspace();
afterAll(() => workspace.remove());
const cwd = workspace.directory;
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('fromsecret usage', () => {
  it('exits 2 with the command list when no command is given', async () => {
    const run = await spawnCli([], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('No command given.');
    expect(run.stderr).toContain('resolve');
  });

  it('exits 2 for an unknown command, listing the commands', async () => {
    const run = await spawnCli(['resolv'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'fromsecret: USAGE: Unknown command "resolv". Did you mean resolve? The commands are check, resolve, test, test-connection, providers, schema; run fromsecret --help.\n',
    );
  });

  it('exits 2 for an unknown flag, also under --json', async () => {
    const run = await spawnCli(['check', 'p.yml', '--verbose'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('USAGE: Unknown option --verbose.');
    const json = await spawnCli(['check', 'p.yml', '--verbose', '--json'], { cwd });
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      errors: [
        {
          name: 'CliError',
          code: 'USAGE',
          message: 'Unknown option --verbose. Run fromsecret check --help for usage.',
          retryable: false,
        },
      ],
    });
  });

  it('exits 2 when resolve misses its required flags or gets a bad --repo', async () => {
    const missing = await spawnCli(['resolve', 'p.yml'], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(
      'Missing --integrations <file>. Missing --repo <owner/name>. Missing --user <login>. Missing --org <org>.',
    );
    workspace.write('p.yml', 'steps: []\n');
    const repo = await spawnCli(
      ['resolve', 'p.yml', '--integrations', 'i.yml', '--repo', 'app', '--user', 'u', '--org', 'o'],
      { cwd },
    );
    expect(repo.status).toBe(2);
    expect(repo.stderr).toContain('--repo must be owner/name');
  });

  it.each(['check', 'resolve', 'test', 'providers', 'schema'])(
    'prints help with an example for %s',
    async (command) => {
      const run = await spawnCli([command, '--help'], { cwd });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: fromsecret ${command}`));
      expect(run.stdout).toMatch(/Examples?:\n {2}fromsecret /);
      expect(run.stderr).toBe('');
    },
  );

  it('prints the version of the package', async () => {
    const run = await spawnCli(['--version'], { cwd });
    expect([run.status, run.stdout]).toEqual([0, `${manifest.version}\n`]);
  });

  it('prints the general help with --help and help <command>', async () => {
    const general = await spawnCli(['--help'], { cwd });
    expect(general.status).toBe(0);
    expect(general.stdout).toContain(
      'Exit status: 0 success, 1 the check, resolution or connection test failed, 2 usage error.',
    );
    const command = await spawnCli(['help', 'check'], { cwd });
    expect(command.stdout).toMatch(/^Usage: fromsecret check <pipeline.yml>/);
  });
});

import { describe, expect, it } from 'vitest';
import { isProblemsFound, type ProblemsFound } from '../problems-found';
import { loadYamlFile } from './load-yaml-file';

function problemsOf(text: string): ProblemsFound['problems'] {
  try {
    loadYamlFile({ file: 'pipeline.yml', text }, 'pipeline file');
  } catch (error) {
    if (isProblemsFound(error)) return error.problems;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('loadYamlFile', () => {
  it('returns plain data for a valid document', () => {
    const loaded = loadYamlFile(
      { file: 'a.yml', text: 'steps:\n  - name: a\n    on: yes\n' },
      'pipeline file',
    );
    expect(loaded.value).toEqual({ steps: [{ name: 'a', on: 'yes' }] });
  });

  it('reports every syntax error and duplicate key with its line and column', () => {
    const problems = problemsOf('a: 1\na: 2\nb: [1,\nc: x: y\n');
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.every((problem) => problem.error.code === 'INVALID_YAML')).toBe(true);
    expect(problems[0]!.position).toEqual({ file: 'pipeline.yml', line: 2, column: 1 });
    expect(problems[0]!.error.message).toContain('unique');
  });

  it('rejects a second document and an unknown tag instead of ignoring them', () => {
    expect(problemsOf('a: 1\n---\nb: 2\n')[0]!.error.message).toContain('multiple documents');
    expect(problemsOf('a: !custom x\n')[0]!.position).toMatchObject({ line: 1 });
  });

  it('stops an alias bomb with a clear error instead of expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = Date.now();
    const problems = problemsOf(levels.join('\n'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(problems[0]!.error.message).toContain('alias bomb');
    expect(problems[0]!.position).toEqual({ file: 'pipeline.yml' });
  });

  it('reports a structure nested too deeply to read', () => {
    const problems = problemsOf(`a: ${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(problems[0]!.error.message).toContain('nested too deeply');
  });
});

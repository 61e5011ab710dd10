import { findReferences, substituteReferences } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { benchPaths, benchValue } from './bench-paths';
import { benchPipeline } from './bench-pipeline';

describe('benchPipeline', () => {
  const paths = benchPaths(20);
  const { pipeline, expected } = benchPipeline({ steps: 50, references: 200 }, paths);
  const references = findReferences(pipeline);

  it('holds the issue shape: 50 steps, 200 references over 20 paths in 3 integrations', () => {
    expect(pipeline.steps).toHaveLength(50);
    expect(references).toHaveLength(200);
    const reads = new Set(
      references.map(({ reference }) =>
        reference.kind === 'external' ? `${reference.integration} ${reference.path}` : '',
      ),
    );
    expect(reads.size).toBe(20);
    expect(new Set(paths.map((path) => path.integration)).size).toBe(3);
    expect(paths.filter((path) => path.type === 'vault')).toHaveLength(7);
  });

  it('expects every reference to become its own value', () => {
    const replacements = references.map(({ reference, location }) => ({
      pointer: location.pointer,
      value: reference.kind === 'external' ? benchValue(reference.path, reference.key) : '',
    }));
    expect(substituteReferences(pipeline, replacements)).toEqual(expected);
    expect(new Set(replacements.map((replacement) => replacement.value)).size).toBeGreaterThan(20);
  });

  it('names secrets as each store allows', () => {
    const byType = Object.fromEntries(paths.slice(0, 3).map((path) => [path.type, path]));
    expect(byType.vault).toMatchObject({
      path: 'bench/app-0',
      keys: ['api_key', 'url', 'user', 'password'],
    });
    expect(byType.azure_key_vault).toMatchObject({ path: 'bench-app-1', keys: ['value'] });
    expect(byType.infisical).toMatchObject({ path: 'BENCH_APP_2', keys: ['value'] });
  });
});

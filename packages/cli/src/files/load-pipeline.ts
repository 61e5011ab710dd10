import type { SecretError } from '@fromsecret/core';
import { type LoadedYaml, loadYamlFile } from './load-yaml-file';
import { readInputFile } from './read-input-file';
import type { SourcePosition } from './source-position';
import { positionOfPointer } from './yaml-positions';

/** Reads and parses a pipeline file; YAML problems are thrown with their positions. */
export async function loadPipeline(file: string, cwd: string): Promise<LoadedYaml> {
  return loadYamlFile(await readInputFile(file, cwd, 'pipeline file'), 'pipeline file');
}

/**
 * Where in the pipeline file a library error is: at the `from_secret` value of the reference
 * it concerns (its `location`). An error about the pipeline's shape has no location; it is
 * reported against the file, its message naming the place.
 */
export function pipelineErrorLocator(pipeline: LoadedYaml): (error: SecretError) => SourcePosition {
  return (error) => {
    if (error.location === undefined) return { file: pipeline.source.file };
    return positionOfPointer(pipeline.source, `${error.location.pointer}/from_secret`);
  };
}

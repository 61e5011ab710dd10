import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findReferences } from '@fromsecret/core';
import { parse } from 'yaml';
import { DEMO_INTEGRATIONS } from './demo-integrations';

/** The demo's pipeline file. */
export const PIPELINE_FILE = fileURLToPath(new URL('../pipeline.yml', import.meta.url));

/** What the pipeline asks for, worked out without any request. */
export interface PipelineSummary {
  internal: number;
  external: number;
  /** Distinct (path, version) per integration name: the reads a resolution needs. */
  distinctReads: ReadonlyMap<string, number>;
}

/**
 * Counts the pipeline's references and the distinct (integration, path, version) reads they
 * need, with an integration named by id or by name counted as one.
 */
export function summarizePipeline(pipelineFile: string = PIPELINE_FILE): PipelineSummary {
  const references = findReferences(parse(readFileSync(pipelineFile, 'utf8')));
  const reads = new Map<string, Set<string>>();
  let internal = 0;
  for (const { reference } of references) {
    if (reference.kind === 'internal') {
      internal += 1;
      continue;
    }
    const name = integrationName(reference.integration);
    const version = reference.version === undefined ? 0 : reference.version;
    const paths = reads.get(name) ?? new Set<string>();
    paths.add(JSON.stringify([reference.path, version]));
    reads.set(name, paths);
  }
  return {
    internal,
    external: references.length - internal,
    distinctReads: new Map([...reads].map(([name, paths]) => [name, paths.size])),
  };
}

function integrationName(idOrName: number | string): string {
  const found = DEMO_INTEGRATIONS.find((integration) =>
    typeof idOrName === 'number'
      ? integration.id === idOrName
      : integration.name.toLowerCase() === idOrName.toLowerCase(),
  );
  if (found === undefined) {
    throw new Error(
      `pipeline.yml refers to integration ${idOrName}, which the demo does not define.`,
    );
  }
  return found.name;
}

import { stringify } from 'yaml';

/**
 * A pipeline as YAML or JSON text. YAML lines are never folded and repeated objects are
 * written out rather than turned into anchors, so that each value stands where it is used.
 */
export function formatPipeline(pipeline: unknown, format: 'yaml' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(pipeline, null, 2)}\n`;
  return stringify(pipeline, { lineWidth: 0, aliasDuplicateObjects: false });
}

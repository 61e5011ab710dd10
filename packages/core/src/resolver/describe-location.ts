import type { ReferenceLocation } from '../reference/secret-reference';

/** A location as people read it: `step "deploy", environment API_KEY`. */
export function describeLocation(location: ReferenceLocation): string {
  const owner = location.group === 'steps' ? 'step' : 'service';
  return `${owner} ${JSON.stringify(location.step)}, ${location.section} ${location.name}`;
}

import { AncestorPath } from './ancestor-path';
import { classifyValue, describeValueType, isPlainObject } from './classify-value';
import { findInSection, PLAIN_DATA_HINT, type ReferenceSink } from './find-in-section';
import { invalidPipelineError } from './invalid-reference-error';
import { escapePointerSegment } from './json-pointer';
import type { LocatedReference, ReferenceLocation } from './secret-reference';
import type { ReferencePlaces } from './substitute-at-places';

const GROUPS = ['steps', 'services'] as const;
const SECTIONS = ['environment', 'settings'] as const;

/**
 * Every `from_secret` reference of a pipeline, in document order, with where it stands
 * (design §1, §11).
 *
 * A map whose only key is `from_secret` is a reference wherever it stands inside a step's or a
 * service's `environment` or `settings`, lists and nested maps included. `steps` and
 * `services` may each be a list or a map keyed by name, or be absent. A location's `step` is
 * the item's `name` when it is non-empty text, else its key in the map, else its index.
 *
 * Only own properties are read; the pipeline is never modified. Plain objects and arrays are
 * walked; a `Map` or `Set` where references may stand is reported, other objects are values.
 *
 * @throws SecretError `RESOLUTION_FAILED` when anything is wrong, with one
 *   `INVALID_REFERENCE` error per problem in `errors` (each with its `location` when it is
 *   inside a variable or setting, and its pointer in the message): every malformed reference,
 *   a map holding `from_secret` and other keys, `steps` or `services` of the wrong type,
 *   nesting deeper than 100 levels.
 */
export function findReferences(pipeline: unknown): LocatedReference[] {
  return walkPipeline(pipeline, false).found;
}

/**
 * {@link findReferences}, and where each reference stands, for the resolver's substitution
 * ({@link substituteAtPlaces}): the walk knows the containers and keys on the way to each
 * reference, so substitution need not find them again from the pointers.
 */
export function findReferencePlaces(pipeline: unknown): {
  references: LocatedReference[];
  places: ReferencePlaces;
} {
  const sink = walkPipeline(pipeline, true);
  // Set once the pipeline is known to be a map; walkPipeline throws for any other pipeline.
  return { references: sink.found, places: sink.places! };
}

function walkPipeline(pipeline: unknown, recordPlaces: boolean): ReferenceSink {
  const sink: ReferenceSink = {
    found: [],
    problems: [],
    path: new AncestorPath(),
    places: undefined,
  };
  if (isPlainObject(pipeline)) {
    sink.path.push(pipeline, '');
    if (recordPlaces) sink.places = { root: sink.path.innermostPlace(), parents: [], keys: [] };
    for (const group of GROUPS) findInGroup(pipeline, group, sink);
  } else {
    const hint = classifyValue(pipeline) === 'map-or-set' ? `; ${PLAIN_DATA_HINT}` : '';
    sink.problems.push({
      scope: 'pipeline',
      pointer: '',
      problems: [
        `the pipeline must be a map with steps and/or services, not ${describeValueType(pipeline)}${hint}`,
      ],
    });
  }
  if (sink.problems.length > 0) throw invalidPipelineError(sink.problems);
  return sink;
}

function findInGroup(
  pipeline: Record<string, unknown>,
  group: ReferenceLocation['group'],
  sink: ReferenceSink,
): void {
  if (!Object.hasOwn(pipeline, group)) return;
  const container = pipeline[group];
  const pointer = `/${group}`;
  const kind = classifyValue(container);
  if (kind === 'array') {
    const list = container as unknown[];
    sink.path.push(list, group);
    for (let index = 0; index < list.length; index++) {
      if (!Object.hasOwn(list, index)) continue;
      const key = String(index);
      findInStep(list[index], group, key, `${pointer}/${key}`, sink);
    }
    sink.path.pop();
  } else if (kind === 'plain-object') {
    const map = container as Record<string, unknown>;
    sink.path.push(map, group);
    for (const key of Object.keys(map)) {
      findInStep(map[key], group, key, `${pointer}/${escapePointerSegment(key)}`, sink);
    }
    sink.path.pop();
  } else {
    const hint = kind === 'map-or-set' ? `; ${PLAIN_DATA_HINT}` : ', or leave it out';
    sink.problems.push({
      scope: 'pipeline',
      pointer,
      problems: [
        `${group} must be a list of ${group} or a map of them by name, not ${describeValueType(container)}${hint}`,
      ],
    });
  }
}

function findInStep(
  step: unknown,
  group: ReferenceLocation['group'],
  key: string,
  pointer: string,
  sink: ReferenceSink,
): void {
  const kind = classifyValue(step);
  if (kind === 'map-or-set') {
    const text = `this ${group === 'steps' ? 'step' : 'service'} is ${describeValueType(step)}; ${PLAIN_DATA_HINT}`;
    sink.problems.push({ scope: 'pipeline', pointer, problems: [text] });
    return;
  }
  // A step that is not a map cannot hold environment or settings, so it holds no reference.
  if (kind !== 'plain-object') return;
  const map = step as Record<string, unknown>;
  const name = Object.hasOwn(map, 'name') ? map.name : undefined;
  const stepName = typeof name === 'string' && name !== '' ? name : key;
  sink.path.push(map, key);
  for (const section of SECTIONS) {
    if (!Object.hasOwn(map, section)) continue;
    const owner = { group, step: stepName, section };
    findInSection(map[section], owner, `${pointer}/${section}`, sink);
  }
  sink.path.pop();
}

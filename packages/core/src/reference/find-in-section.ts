import type { AncestorPath } from './ancestor-path';
import { classifyValue, describeValueType, isPlainObject, type ValueKind } from './classify-value';
import type { PipelineProblem } from './invalid-reference-error';
import { escapePointerSegment } from './json-pointer';
import { looksLikeFromSecret, otherKeysProblem } from './other-keys-problem';
import { readFromSecret } from './parse-from-secret';
import type { LocatedReference, ReferenceLocation } from './secret-reference';
import type { ReferencePlaces } from './substitute-at-places';

/**
 * How deep, counted in JSON pointer segments from the pipeline's root, the walk goes. Real
 * settings nest a handful of levels; the bound keeps a hostile 10,000-level input from costing
 * more than a clear error, and the walk's recursion from overflowing the stack.
 */
export const MAXIMUM_NESTING_DEPTH = 100;

/** Hint for containers the walk cannot read. */
export const PLAIN_DATA_HINT =
  'parse the pipeline into plain objects and arrays (the yaml package does unless mapAsMap is set)';

/**
 * What a walk collects: the references and every problem, so that all are reported at once,
 * and the containers from the pipeline down to the one being walked.
 */
export interface ReferenceSink {
  found: LocatedReference[];
  problems: PipelineProblem[];
  /** The containers above the value being walked: a value among them is a cycle. */
  path: AncestorPath;
  /** When set, receives where each found reference stands, for the resolver's substitution. */
  places: ReferencePlaces | undefined;
}

/** The step or service a section belongs to, and which section it is. */
export type SectionOwner = Omit<ReferenceLocation, 'pointer' | 'name'>;

/** One section being walked: where its references belong and where they are collected. */
interface SectionWalk {
  owner: SectionOwner;
  sink: ReferenceSink;
}

/**
 * Collects every `from_secret` map inside a step's `environment` or `settings`, at any depth,
 * into `sink`. `sink.path` holds the containers above the section (pipeline, group, step), so
 * that a value holding one of them is reported as a cycle.
 */
export function findInSection(
  section: unknown,
  owner: SectionOwner,
  pointer: string,
  sink: ReferenceSink,
): void {
  if (isPlainObject(section) && Object.hasOwn(section, 'from_secret')) {
    const text =
      `${owner.section} is itself a from_secret map; a reference is the value of a variable ` +
      `or setting: ${owner.section}: { NAME: { from_secret: ... } }`;
    sink.problems.push({ scope: 'pipeline', pointer, problems: [text] });
    return;
  }
  visit({ owner, sink }, section, owner.section, pointer, undefined);
}

/**
 * Walks one value, held under `key` by the innermost container of the path, in document
 * order. The recursion is bounded: it never goes below {@link MAXIMUM_NESTING_DEPTH} levels
 * (nor around a cycle), so it cannot overflow the stack. `name` is the variable or top-level
 * setting the value belongs to, `undefined` for the section itself.
 */
function visit(
  walk: SectionWalk,
  value: unknown,
  key: string,
  pointer: string,
  name: string | undefined,
): void {
  const kind = classifyValue(value);
  if (kind === 'primitive' || kind === 'other-object') return;
  const problem = containerProblem(walk.sink.path, value, kind);
  if (problem !== undefined) {
    report(walk, pointer, name, problem);
  } else if (kind === 'array') {
    visitItems(walk, value as unknown[], key, pointer, name);
  } else {
    const map = value as Record<string, unknown>;
    const keys = Object.keys(map);
    if (name !== undefined && keys.includes('from_secret')) {
      readReference(map, keys, key, locate(walk.owner, pointer, name), walk.sink);
    } else if (name !== undefined && keys.length === 1 && looksLikeFromSecret(keys[0]!)) {
      const shown = JSON.stringify(keys[0]);
      report(walk, pointer, name, `the key ${shown} looks like from_secret; write it exactly`);
    } else {
      visitMembers(walk, map, keys, key, pointer, name);
    }
  }
}

/** Why the walk cannot go into this container, if it cannot. */
function containerProblem(path: AncestorPath, value: unknown, kind: ValueKind): string | undefined {
  if (kind === 'map-or-set') {
    return `this value is ${describeValueType(value)}; ${PLAIN_DATA_HINT}`;
  }
  if (path.holds(value)) {
    return 'this value contains itself (a cycle); a pipeline must be a tree of plain data';
  }
  // Each container above adds one segment to the value's pointer.
  if (path.depth > MAXIMUM_NESTING_DEPTH) {
    return (
      `this value is nested more than ${MAXIMUM_NESTING_DEPTH} levels deep; flatten it ` +
      '(references are not looked for deeper)'
    );
  }
  return undefined;
}

function report(walk: SectionWalk, pointer: string, name: string | undefined, text: string): void {
  walk.sink.problems.push(
    name === undefined
      ? { scope: 'pipeline', pointer, problems: [text] }
      : {
          scope: 'reference',
          pointer,
          problems: [text],
          location: locate(walk.owner, pointer, name),
        },
  );
}

function visitItems(
  walk: SectionWalk,
  list: unknown[],
  key: string,
  pointer: string,
  name: string | undefined,
): void {
  walk.sink.path.push(list, key);
  const prefix = `${pointer}/`;
  for (let index = 0; index < list.length; index++) {
    // A hole would read Array.prototype: only own items are data.
    if (!Object.hasOwn(list, index)) continue;
    const item = list[index];
    if (typeof item !== 'object' || item === null) continue;
    const itemKey = String(index);
    visit(walk, item, itemKey, prefix + itemKey, name ?? itemKey);
  }
  walk.sink.path.pop();
}

function visitMembers(
  walk: SectionWalk,
  map: Record<string, unknown>,
  keys: readonly string[],
  key: string,
  pointer: string,
  name: string | undefined,
): void {
  walk.sink.path.push(map, key);
  // One `${pointer}/` text shared by the members' pointers: one string fewer per pointer.
  const prefix = `${pointer}/`;
  for (let index = 0; index < keys.length; index++) {
    const memberKey = keys[index]!;
    const member = map[memberKey];
    if (typeof member !== 'object' || member === null) continue;
    const memberPointer = prefix + escapePointerSegment(memberKey);
    visit(walk, member, memberKey, memberPointer, name ?? memberKey);
  }
  walk.sink.path.pop();
}

function locate(owner: SectionOwner, pointer: string, name: string): ReferenceLocation {
  return { pointer, group: owner.group, step: owner.step, section: owner.section, name };
}

function readReference(
  map: Record<string, unknown>,
  keys: readonly string[],
  key: string,
  location: ReferenceLocation,
  sink: ReferenceSink,
): void {
  const reading = readFromSecret(map.from_secret);
  if (keys.length === 1 && reading.problems === undefined) {
    sink.found.push({ reference: reading.reference, location });
    if (sink.places !== undefined) {
      sink.places.parents.push(sink.path.innermostPlace());
      sink.places.keys.push(key);
    }
    return;
  }
  const problems: string[] = [];
  if (keys.length > 1) {
    problems.push(otherKeysProblem(keys.filter((other) => other !== 'from_secret')));
  }
  if (reading.problems !== undefined) problems.push(...reading.problems);
  sink.problems.push({ scope: 'reference', pointer: location.pointer, problems, location });
}

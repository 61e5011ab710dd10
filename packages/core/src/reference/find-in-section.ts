import { classifyValue, describeValueType, isPlainObject, type ValueKind } from './classify-value';
import type { PipelineProblem } from './invalid-reference-error';
import { escapePointerSegment } from './json-pointer';
import { readFromSecret } from './parse-from-secret';
import type { LocatedReference, ReferenceLocation } from './secret-reference';

/**
 * How deep, counted in JSON pointer segments from the pipeline's root, the walk goes. Real
 * settings nest a handful of levels; the bound keeps a hostile 10,000-level input from costing
 * more than a clear error (the walk uses its own stack, so it could not overflow anyway).
 */
export const MAXIMUM_NESTING_DEPTH = 100;

/** Hint for containers the walk cannot read. */
export const PLAIN_DATA_HINT =
  'parse the pipeline into plain objects and arrays (the yaml package does unless mapAsMap is set)';

const REFERENCE_FIELDS: readonly string[] = ['integration', 'path', 'key', 'version'];

/** What a walk collects: the references and every problem, so that all are reported at once. */
export interface ReferenceSink {
  found: LocatedReference[];
  problems: PipelineProblem[];
}

/** The step or service a section belongs to, and which section it is. */
export type SectionOwner = Omit<ReferenceLocation, 'pointer' | 'name'>;

interface Frame {
  value: unknown;
  pointer: string;
  depth: number;
  /** The variable or top-level setting the value belongs to; `undefined` for the section. */
  name: string | undefined;
  parent: Frame | undefined;
}

/**
 * Collects every `from_secret` map inside a step's `environment` or `settings`, at any depth,
 * into `sink`. `ancestors` are the containers above the section (pipeline, group, step), so
 * that a value holding one of them is reported as a cycle.
 */
export function findInSection(
  section: unknown,
  owner: SectionOwner,
  pointer: string,
  ancestors: readonly unknown[],
  sink: ReferenceSink,
): void {
  if (isPlainObject(section) && Object.hasOwn(section, 'from_secret')) {
    const text =
      `${owner.section} is itself a from_secret map; a reference is the value of a variable ` +
      `or setting: ${owner.section}: { NAME: { from_secret: ... } }`;
    sink.problems.push({ scope: 'pipeline', pointer, problems: [text] });
    return;
  }
  let parent: Frame | undefined;
  for (const value of ancestors) parent = { value, pointer: '', depth: 0, name: undefined, parent };
  const depth = pointer.split('/').length - 1;
  const stack: Frame[] = [{ value: section, pointer, depth, name: undefined, parent }];
  while (stack.length > 0) visit(stack.pop()!, owner, stack, sink);
}

function visit(frame: Frame, owner: SectionOwner, stack: Frame[], sink: ReferenceSink): void {
  const kind = classifyValue(frame.value);
  if (kind === 'primitive' || kind === 'other-object') return;
  const problem = containerProblem(frame, kind);
  if (problem !== undefined) {
    report(frame, owner, problem, sink);
  } else if (kind === 'array') {
    pushItems(frame, stack);
  } else {
    const map = frame.value as Record<string, unknown>;
    const keys = Object.keys(map);
    if (frame.name !== undefined && keys.includes('from_secret')) {
      readReference(map, keys, locate(frame, owner), sink);
    } else if (frame.name !== undefined && keys.length === 1 && looksLikeFromSecret(keys[0]!)) {
      const shown = JSON.stringify(keys[0]);
      report(frame, owner, `the key ${shown} looks like from_secret; write it exactly`, sink);
    } else {
      for (let index = keys.length - 1; index >= 0; index--) {
        pushChild(frame, keys[index]!, map[keys[index]!], stack);
      }
    }
  }
}

/** Why the walk cannot go into this container, if it cannot. */
function containerProblem(frame: Frame, kind: ValueKind): string | undefined {
  if (kind === 'map-or-set') {
    return `this value is ${describeValueType(frame.value)}; ${PLAIN_DATA_HINT}`;
  }
  if (isOwnAncestor(frame)) {
    return 'this value contains itself (a cycle); a pipeline must be a tree of plain data';
  }
  if (frame.depth > MAXIMUM_NESTING_DEPTH) {
    return (
      `this value is nested more than ${MAXIMUM_NESTING_DEPTH} levels deep; flatten it ` +
      '(references are not looked for deeper)'
    );
  }
  return undefined;
}

function report(frame: Frame, owner: SectionOwner, text: string, sink: ReferenceSink): void {
  const pointer = frame.pointer;
  sink.problems.push(
    frame.name === undefined
      ? { scope: 'pipeline', pointer, problems: [text] }
      : { scope: 'reference', pointer, problems: [text], location: locate(frame, owner) },
  );
}

function pushItems(frame: Frame, stack: Frame[]): void {
  const list = frame.value as unknown[];
  for (let index = list.length - 1; index >= 0; index--) {
    // A hole would read Array.prototype: only own items are data.
    if (Object.hasOwn(list, index)) pushChild(frame, String(index), list[index], stack);
  }
}

function pushChild(parent: Frame, key: string, value: unknown, stack: Frame[]): void {
  if (typeof value !== 'object' || value === null) return;
  stack.push({
    value,
    pointer: `${parent.pointer}/${escapePointerSegment(key)}`,
    depth: parent.depth + 1,
    name: parent.name ?? key,
    parent,
  });
}

function locate(frame: Frame, owner: SectionOwner): ReferenceLocation {
  return {
    pointer: frame.pointer,
    group: owner.group,
    step: owner.step,
    section: owner.section,
    name: frame.name!,
  };
}

function readReference(
  map: Record<string, unknown>,
  keys: readonly string[],
  location: ReferenceLocation,
  sink: ReferenceSink,
): void {
  const problems: string[] = [];
  if (keys.length > 1) problems.push(otherKeysProblem(keys.filter((key) => key !== 'from_secret')));
  const reading = readFromSecret(map.from_secret);
  if (reading.problems !== undefined) problems.push(...reading.problems);
  if (problems.length > 0) {
    sink.problems.push({ scope: 'reference', pointer: location.pointer, problems, location });
  } else {
    sink.found.push({ reference: reading.reference!, location });
  }
}

function otherKeysProblem(others: readonly string[]): string {
  const listed = others
    .slice(0, 5)
    .map((key) => JSON.stringify(key.slice(0, 64)))
    .join(', ');
  const more = others.length > 5 ? ` and ${others.length - 5} more` : '';
  if (others.every((key) => REFERENCE_FIELDS.includes(key))) {
    return `this map holds ${listed} next to from_secret; indent them under from_secret`;
  }
  return `a map holding from_secret must hold nothing else, but it also holds ${listed}${more}; move them out`;
}

/** `fromSecret`, `FROM_SECRET`, `from-secrets`: a reference the walk would otherwise pass over. */
function looksLikeFromSecret(key: string): boolean {
  if (key.length > 16) return false;
  const folded = key.toLowerCase().replace(/[-_\s]/g, '');
  return folded === 'fromsecret' || folded === 'fromsecrets';
}

function isOwnAncestor(frame: Frame): boolean {
  for (let ancestor = frame.parent; ancestor !== undefined; ancestor = ancestor.parent) {
    if (ancestor.value === frame.value) return true;
  }
  return false;
}

import { SecretError } from '../errors/secret-error';
import { classifyValue } from './classify-value';
import {
  addChild,
  type Container,
  type CopyNode,
  childOf,
  createCopyNode,
  setOwn,
} from './copy-node';
import {
  isArrayIndex,
  segmentOffset,
  sharedSegmentCount,
  unescapePointerSegment,
} from './json-pointer';

/** One substitution: the reference map at `pointer` becomes the text `value`. */
export interface ReferenceReplacement {
  /** JSON pointer (RFC 6901) to a `{ from_secret }` map, as in a `ReferenceLocation`. */
  pointer: string;
  /** What the map is replaced by: the secret's value. Never appears in an error. */
  value: string;
}

/**
 * A copy of `pipeline` in which the reference map at each replacement's pointer is replaced
 * by its value. The input is never modified: only the containers on the way to a replaced
 * reference are copied, everything else is shared with the input (so treat both as
 * read-only). Keys such as `__proto__` are copied as plain data, never as prototypes.
 *
 * Pointers are taken as found by {@link findReferences}; a shared value (a YAML anchor)
 * reached by two pointers is copied once per place, so each place gets its own value.
 *
 * @throws SecretError `INVALID_REFERENCE` when the pipeline is not a map, a pointer is
 *   malformed, does not lead to a `{ from_secret }` map of the input, or is given twice, or
 *   a value is not text. Messages name the pointer, never the value.
 */
export function substituteReferences(
  pipeline: unknown,
  replacements: ReadonlyArray<ReferenceReplacement>,
): unknown {
  if (classifyValue(pipeline) !== 'plain-object') {
    throw substitutionError('', 'the pipeline must be a map, the one given to findReferences');
  }
  const source = pipeline as Record<string, unknown>;
  const root = createCopyNode(source);
  // References come in document order, so each pointer mostly shares its start with the one
  // before: `chain[i]` is the node after the previous pointer's first i tokens, reused as is.
  const chain: CopyNode[] = [root];
  let previous = '';
  for (const { pointer, value } of replacements) {
    if (typeof value !== 'string') throw substitutionError(pointer, 'the value must be text');
    if (pointer === '') {
      throw substitutionError(pointer, 'it points at the pipeline itself, not at a reference');
    }
    if (!pointer.startsWith('/')) {
      throw substitutionError(pointer, 'it is not a JSON pointer, which starts with "/"');
    }
    const reused = Math.min(sharedSegmentCount(previous, pointer), chain.length - 1);
    chain.length = reused + 1;
    substituteAt(chain, pointer, segmentOffset(pointer, reused), value);
    previous = pointer;
  }
  return root.copy;
}

/**
 * Walks `pointer` from the `/` at `offset`, below the last node of `chain`, copying and
 * appending each container on the way, and replaces the reference at its end. Segments are
 * read one by one with `indexOf`: no array per pointer.
 */
function substituteAt(chain: CopyNode[], pointer: string, offset: number, value: string): void {
  let node = chain[chain.length - 1]!;
  let start = offset + 1;
  for (;;) {
    const end = pointer.indexOf('/', start);
    const written = end === -1 ? pointer.slice(start) : pointer.slice(start, end);
    const segment = unescapePointerSegment(written, pointer);
    if (end === -1) {
      replace(node, segment, value, pointer);
      return;
    }
    node = enter(node, segment, pointer);
    chain.push(node);
    start = end + 1;
  }
}

function enter(node: CopyNode, segment: string, pointer: string): CopyNode {
  const existing = childOf(node, segment);
  if (existing === null) {
    throw substitutionError(pointer, 'it leads into a reference that another pointer replaces');
  }
  if (existing !== undefined) return existing;
  const source = ownChild(node.source, segment, pointer);
  const kind = classifyValue(source);
  if (kind !== 'plain-object' && kind !== 'array') {
    throw substitutionError(pointer, 'it does not lead to a from_secret map of the pipeline');
  }
  const child = createCopyNode(source as Container);
  setOwn(node.copy, segment, child.copy);
  addChild(node, segment, child);
  return child;
}

function replace(node: CopyNode, segment: string, value: string, pointer: string): void {
  if (childOf(node, segment) !== undefined) {
    throw substitutionError(pointer, 'it is given twice, or another pointer leads through it');
  }
  const target = ownChild(node.source, segment, pointer);
  if (!isReferenceMap(target)) {
    throw substitutionError(pointer, 'it does not point at a map whose only key is from_secret');
  }
  setOwn(node.copy, segment, value);
  addChild(node, segment, null);
}

function ownChild(container: Container, segment: string, pointer: string): unknown {
  const present = Array.isArray(container)
    ? isArrayIndex(segment) && Object.hasOwn(container, segment)
    : Object.hasOwn(container, segment);
  if (!present) throw substitutionError(pointer, 'nothing stands there in the pipeline');
  return (container as Record<string, unknown>)[segment];
}

function isReferenceMap(value: unknown): boolean {
  if (classifyValue(value) !== 'plain-object') return false;
  const keys = Object.keys(value as object);
  return keys.length === 1 && keys[0] === 'from_secret';
}

function substitutionError(pointer: string, reason: string): SecretError {
  const shown =
    pointer.length > 200 ? `${JSON.stringify(pointer.slice(0, 200))}…` : JSON.stringify(pointer);
  return new SecretError({
    code: 'INVALID_REFERENCE',
    message: `Cannot substitute the reference at ${shown}: ${reason}. Pass the pointers findReferences returned for this same pipeline, each once.`,
  });
}

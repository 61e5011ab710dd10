import { SecretError } from '../errors/secret-error';
import { classifyValue } from './classify-value';
import { isArrayIndex, parsePointer } from './json-pointer';

/** One substitution: the reference map at `pointer` becomes the text `value`. */
export interface ReferenceReplacement {
  /** JSON pointer (RFC 6901) to a `{ from_secret }` map, as in a `ReferenceLocation`. */
  pointer: string;
  /** What the map is replaced by: the secret's value. Never appears in an error. */
  value: string;
}

type Container = Record<string, unknown> | unknown[];

interface CopyNode {
  /** The input's container at this place. */
  source: Container;
  /** Its copy in the result, made once however many replacements pass through it. */
  copy: Container;
  /** Children copied so far; `null` marks a replaced reference. */
  children: Map<string, CopyNode | null>;
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
  const root: CopyNode = { source, copy: copyContainer(source), children: new Map() };
  for (const { pointer, value } of replacements) {
    if (typeof value !== 'string') throw substitutionError(pointer, 'the value must be text');
    const segments = parsePointer(pointer);
    if (segments.length === 0) {
      throw substitutionError(pointer, 'it points at the pipeline itself, not at a reference');
    }
    let node = root;
    for (let index = 0; index < segments.length - 1; index++) {
      node = enter(node, segments[index]!, pointer);
    }
    replace(node, segments[segments.length - 1]!, value, pointer);
  }
  return root.copy;
}

function enter(node: CopyNode, segment: string, pointer: string): CopyNode {
  const existing = node.children.get(segment);
  if (existing === null) {
    throw substitutionError(pointer, 'it leads into a reference that another pointer replaces');
  }
  if (existing !== undefined) return existing;
  const source = ownChild(node.source, segment, pointer);
  const kind = classifyValue(source);
  if (kind !== 'plain-object' && kind !== 'array') {
    throw substitutionError(pointer, 'it does not lead to a from_secret map of the pipeline');
  }
  const child: CopyNode = {
    source: source as Container,
    copy: copyContainer(source as Container),
    children: new Map(),
  };
  setOwn(node.copy, segment, child.copy);
  node.children.set(segment, child);
  return child;
}

function replace(node: CopyNode, segment: string, value: string, pointer: string): void {
  if (node.children.has(segment)) {
    throw substitutionError(pointer, 'it is given twice, or another pointer leads through it');
  }
  const target = ownChild(node.source, segment, pointer);
  if (!isReferenceMap(target)) {
    throw substitutionError(pointer, 'it does not point at a map whose only key is from_secret');
  }
  setOwn(node.copy, segment, value);
  node.children.set(segment, null);
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

function copyContainer(container: Container): Container {
  if (Array.isArray(container)) return container.slice();
  // Spreading defines properties, so an own `__proto__` key stays data; a map without a
  // prototype keeps none (Object.assign is safe there: nothing inherited can intercept it).
  return Object.getPrototypeOf(container) === null
    ? Object.assign(Object.create(null), container)
    : { ...container };
}

function setOwn(container: Container, key: string, value: unknown): void {
  if (Array.isArray(container)) {
    container[Number(key)] = value;
    return;
  }
  Object.defineProperty(container, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

function substitutionError(pointer: string, reason: string): SecretError {
  const shown =
    pointer.length > 200 ? `${JSON.stringify(pointer.slice(0, 200))}…` : JSON.stringify(pointer);
  return new SecretError({
    code: 'INVALID_REFERENCE',
    message: `Cannot substitute the reference at ${shown}: ${reason}. Pass the pointers findReferences returned for this same pipeline, each once.`,
  });
}

import { SecretError } from '../errors/secret-error';
import { classifyValue } from './classify-value';
import { type Container, copyContainer, SECTION_DEPTH, setOwn } from './copy-container';
import {
  isArrayIndex,
  segmentOffset,
  sharedSegmentCount,
  unescapePointerSegment,
} from './json-pointer';

/**
 * A copy-on-write copy of a pipeline in which reference maps are replaced one pointer at a
 * time: only the containers on the way to a replaced reference are copied, each once, and
 * everything else is shared with the input, which is never modified.
 *
 * It keeps no record of what it copied or replaced besides the copy itself: a place was
 * copied or replaced exactly when the copy no longer holds the input's container there (a
 * shallow copy holds the same values until changed). So each replacement costs no node
 * object and no Map, and the garbage collector has only the copies to move.
 */
export class PipelineSubstitution {
  /** The copy of the pipeline, complete once every replacement is made. */
  readonly result: Record<string, unknown>;
  /**
   * The containers after the previous pointer's first `i` tokens, in the input and in the
   * copy. References come in document order, so each pointer mostly shares its start with
   * the one before, and that start is not walked again.
   */
  private readonly sources: Container[];
  private readonly copies: Container[];
  private depth = 0;
  private previous = '';

  /** @throws SecretError `INVALID_REFERENCE` when the pipeline is not a map. */
  constructor(pipeline: unknown) {
    if (classifyValue(pipeline) !== 'plain-object') {
      throw substitutionError('', 'the pipeline must be a map, the one given to findReferences');
    }
    const source = pipeline as Record<string, unknown>;
    this.result = copyContainer(source, false) as Record<string, unknown>;
    this.sources = [source];
    this.copies = [this.result];
  }

  /**
   * Replaces the `{ from_secret }` map at `pointer` by `value`. Segments are read one by one
   * with `indexOf`: no array per pointer.
   *
   * @throws SecretError `INVALID_REFERENCE` when the pointer is malformed, does not lead to
   *   a `{ from_secret }` map of the input, or was given before, or the value is not text.
   */
  replace(pointer: string, value: unknown): void {
    if (typeof value !== 'string') throw substitutionError(pointer, 'the value must be text');
    if (pointer === '') {
      throw substitutionError(pointer, 'it points at the pipeline itself, not at a reference');
    }
    if (!pointer.startsWith('/')) {
      throw substitutionError(pointer, 'it is not a JSON pointer, which starts with "/"');
    }
    let level = Math.min(sharedSegmentCount(this.previous, pointer), this.depth);
    let start = segmentOffset(pointer, level) + 1;
    for (;;) {
      const end = pointer.indexOf('/', start);
      const written = end === -1 ? pointer.slice(start) : pointer.slice(start, end);
      const segment = unescapePointerSegment(written, pointer);
      if (end === -1) {
        this.replaceAt(level, segment, value, pointer);
        break;
      }
      this.enter(level, segment, pointer);
      level++;
      start = end + 1;
    }
    this.depth = level;
    this.previous = pointer;
  }

  /** Makes `sources[level + 1]`/`copies[level + 1]` the container under `segment`, copied once. */
  private enter(level: number, segment: string, pointer: string): void {
    const source = ownChild(this.sources[level]!, segment, pointer);
    const kind = classifyValue(source);
    if (kind !== 'plain-object' && kind !== 'array') {
      throw substitutionError(pointer, 'it does not lead to a from_secret map of the pipeline');
    }
    const copy = this.copies[level]!;
    let childCopy = (copy as Record<string, unknown>)[segment];
    // Text where the input holds a container: a reference replaced there before.
    if (typeof childCopy === 'string') {
      throw substitutionError(pointer, 'it leads into a reference that another pointer replaces');
    }
    if (childCopy === source) {
      childCopy = copyContainer(source as Container, level + 1 >= SECTION_DEPTH);
      setOwn(copy, segment, childCopy);
    }
    this.sources[level + 1] = source as Container;
    this.copies[level + 1] = childCopy as Container;
  }

  private replaceAt(level: number, segment: string, value: string, pointer: string): void {
    const target = ownChild(this.sources[level]!, segment, pointer);
    const copy = this.copies[level]! as Record<string, unknown>;
    if (isObject(target) && copy[segment] !== target) {
      throw substitutionError(pointer, 'it is given twice, or another pointer leads through it');
    }
    if (!isReferenceMap(target)) {
      throw substitutionError(pointer, 'it does not point at a map whose only key is from_secret');
    }
    setOwn(copy, segment, value);
  }
}

function ownChild(container: Container, segment: string, pointer: string): unknown {
  const present = Array.isArray(container)
    ? isArrayIndex(segment) && Object.hasOwn(container, segment)
    : Object.hasOwn(container, segment);
  if (!present) throw substitutionError(pointer, 'nothing stands there in the pipeline');
  return (container as Record<string, unknown>)[segment];
}

/** Only an object can have been copied or replaced (and `NaN` never equals itself). */
function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
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

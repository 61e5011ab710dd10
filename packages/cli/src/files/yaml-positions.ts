import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
} from 'yaml';
import type { SourcePosition } from './source-position';

/** A parsed YAML file with what is needed to turn a JSON pointer into a line and column. */
export interface YamlSource {
  /** The file as the user named it. */
  file: string;
  /** The parsed document (with source ranges). */
  document: Document;
  /** Offsets to lines and columns for this file. */
  lineCounter: LineCounter;
}

/** Which part of a map entry a position should point at. */
export type PositionTarget = 'value' | 'key';

/**
 * The position of the node a JSON pointer (RFC 6901) names, for example
 * `/integrations/0/config/address`. `key` points at the entry's key rather than its value, which
 * is where an "unknown key" problem is. When the pointer goes further than the document (a
 * required key that is missing), the position is that of the deepest node that exists: the map
 * the key is missing from.
 */
export function positionOfPointer(
  source: YamlSource,
  pointer: string,
  target: PositionTarget = 'value',
): SourcePosition {
  const segments = parsePointer(pointer);
  let node: unknown = source.document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    const step = childOf(source.document, node, segment);
    if (step === undefined) break;
    const keyOffset = rangeStart(step.key);
    offset = (last && target === 'key' ? keyOffset : rangeStart(step.value)) ?? keyOffset ?? offset;
    node = step.value;
  }
  const { line, col } = source.lineCounter.linePos(offset);
  return { file: source.file, line, column: col };
}

/** The segments of a JSON pointer, unescaped (`~1` is `/`, `~0` is `~`). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

interface ChildStep {
  key?: unknown;
  value: unknown;
}

function childOf(document: Document, parent: unknown, segment: string): ChildStep | undefined {
  const node = isAlias(parent) ? parent.resolve(document) : parent;
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && keyText(item.key) === segment);
    return pair === undefined ? undefined : { key: pair.key, value: pair.value };
  }
  if (isSeq(node) && /^(0|[1-9]\d*)$/.test(segment)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range === undefined || range === null ? undefined : range[0];
}

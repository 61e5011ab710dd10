/** A container of the pipeline: a map or a list. */
export type Container = Record<string, unknown> | unknown[];

/**
 * One container on the way to a replaced reference: the input's and its copy in the result.
 * The copies form a copy-on-write tree: everything not on a path to a replacement is shared.
 */
export interface CopyNode {
  /** The input's container at this place. */
  source: Container;
  /** Its copy in the result, made once however many replacements pass through it. */
  copy: Container;
  /**
   * Children copied so far; `null` marks a replaced reference. Most containers on the way to
   * a reference have one child, kept in `onlyKey`/`onlyChild`; a Map is made for a second.
   */
  onlyKey: string | undefined;
  onlyChild: CopyNode | null;
  children: Map<string, CopyNode | null> | undefined;
}

/** A node whose copy is a shallow copy of `source`, with no child yet. */
export function createCopyNode(source: Container): CopyNode {
  return {
    source,
    copy: copyContainer(source),
    onlyKey: undefined,
    onlyChild: null,
    children: undefined,
  };
}

/** The child copied under `key`, `null` if a reference there was replaced, or `undefined`. */
export function childOf(node: CopyNode, key: string): CopyNode | null | undefined {
  if (node.children !== undefined) return node.children.get(key);
  return node.onlyKey === key ? node.onlyChild : undefined;
}

/** Records the child copied (or `null`: the reference replaced) under `key`. */
export function addChild(node: CopyNode, key: string, child: CopyNode | null): void {
  if (node.children !== undefined) {
    node.children.set(key, child);
  } else if (node.onlyKey === undefined) {
    node.onlyKey = key;
    node.onlyChild = child;
  } else {
    node.children = new Map([
      [node.onlyKey, node.onlyChild],
      [key, child],
    ]);
  }
}

function copyContainer(container: Container): Container {
  if (Array.isArray(container)) return container.slice();
  // A loop over own keys is faster than spreading once shapes vary, as in parsed YAML. In a
  // map with a prototype, `__proto__` is defined, not assigned, so that it stays data; a map
  // without one keeps none, and there nothing inherited can intercept an assignment.
  const bare = Object.getPrototypeOf(container) === null;
  const copy: Record<string, unknown> = bare ? Object.create(null) : {};
  const keys = Object.keys(container);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (bare || key !== '__proto__') copy[key] = container[key];
    else defineOwn(copy, key, container[key]);
  }
  return copy;
}

/**
 * Sets a key the copy already owns (it was checked on the source and copied with it). A plain
 * store is enough then, except for `__proto__`, which is defined so that it stays data.
 */
export function setOwn(container: Container, key: string, value: unknown): void {
  if (key !== '__proto__') {
    (container as Record<string, unknown>)[key] = value;
    return;
  }
  defineOwn(container as Record<string, unknown>, key, value);
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

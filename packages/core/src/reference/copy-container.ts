/** A container of the pipeline: a map or a list. */
export type Container = Record<string, unknown> | unknown[];

/**
 * How deep a step's `environment` and `settings` stand (`/steps/0/environment`): the maps
 * from there down are keyed by the names of variables and settings (see copyContainer).
 */
export const SECTION_DEPTH = 3;

/**
 * A shallow copy of a map or list of the pipeline: own keys only, a map without a prototype
 * stays without one, and `__proto__` stays data.
 *
 * `keyedByNames` says the map's keys are names the pipeline's author chose (variables and
 * settings), rather than the few words steps and pipelines are made of. It decides how the
 * copy is stored, for speed only; both ways give the same copy:
 *
 * - Keys from a small vocabulary (`name`, `image`, `environment`) are copied key by key into
 *   a plain object, which V8 gives the hidden class it already has for those keys: fastest.
 * - A map of names gets a hidden class of its own for every new set of names. V8 links at most
 *   1,536 classes to the one of an empty map (distinct first keys, counted over the whole
 *   process, the YAML parser's maps included); past that it builds the classes afresh on every
 *   copy, one per key: microseconds per key, the largest cost of substituting 10,000
 *   references (decision 0860). Such a map is copied into an object without a prototype,
 *   which V8 keeps as a hash table whatever its keys, and is then given its prototype back:
 *   a small cost that does not grow.
 */
export function copyContainer(container: Container, keyedByNames: boolean): Container {
  if (Array.isArray(container)) return container.slice();
  const bare = Object.getPrototypeOf(container) === null;
  if (bare || keyedByNames) {
    // Without a prototype nothing inherited can intercept an assignment, `__proto__` included.
    const copy: Record<string, unknown> = Object.create(null);
    const keys = Object.keys(container);
    for (let index = 0; index < keys.length; index++) copy[keys[index]!] = container[keys[index]!];
    return bare ? copy : Object.setPrototypeOf(copy, Object.prototype);
  }
  // In a map with a prototype, `__proto__` is defined, not assigned, so that it stays data.
  const copy: Record<string, unknown> = {};
  const keys = Object.keys(container);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (key !== '__proto__') copy[key] = container[key];
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

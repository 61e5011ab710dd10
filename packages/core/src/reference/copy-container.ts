/** A container of the pipeline: a map or a list. */
export type Container = Record<string, unknown> | unknown[];

/**
 * A shallow copy of a map or list of the pipeline: own keys only, a map without a prototype
 * stays without one, and `__proto__` stays data.
 */
export function copyContainer(container: Container): Container {
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

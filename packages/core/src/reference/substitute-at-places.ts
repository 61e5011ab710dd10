import type { ContainerPlace } from './ancestor-path';
import { type Container, copyContainer, SECTION_DEPTH, setOwn } from './copy-container';

/**
 * Where the references a walk found stand: for the reference at position `i` in document
 * order, the place of the map or list holding it and its key there.
 */
export interface ReferencePlaces {
  /** The pipeline's place. */
  root: ContainerPlace;
  parents: ContainerPlace[];
  keys: string[];
}

/**
 * The copy of the walked pipeline with the reference at position `i` replaced by `values[i]`,
 * as {@link substituteReferences} makes it from the same references' pointers, but from the
 * places the walk recorded: no pointer is parsed and no key looked up again, and each
 * container on the way to a reference is copied once, when its first reference is replaced.
 * A walk's places are substituted once.
 */
export function substituteAtPlaces(
  places: ReferencePlaces,
  values: ReadonlyArray<string | undefined>,
): Record<string, unknown> {
  const result = copyOf(places.root);
  for (let index = 0; index < values.length; index++) {
    setOwn(copyOf(places.parents[index]!), places.keys[index]!, values[index]);
  }
  return result as Record<string, unknown>;
}

function copyOf(place: ContainerPlace): Container {
  if (place.copy === undefined) {
    place.copy = copyContainer(place.container, place.depth >= SECTION_DEPTH);
    if (place.parent !== undefined) setOwn(copyOf(place.parent), place.key, place.copy);
  }
  return place.copy;
}

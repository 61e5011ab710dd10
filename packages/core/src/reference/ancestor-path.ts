import type { Container } from './copy-container';

/**
 * A container of the pipeline at one place: a value shared by two places (a YAML anchor) has
 * a place for each. The resolver's substitution copies places, not pointers: it needs neither
 * to parse a pointer nor to look a key up again.
 */
export interface ContainerPlace {
  readonly container: Container;
  /** The place of the container holding this one; `undefined` for the pipeline. */
  readonly parent: ContainerPlace | undefined;
  /** Its key in the parent (a list's index as text); `''` for the pipeline. */
  readonly key: string;
  /** Its pointer's number of segments: 0 for the pipeline, 3 for a step's `environment`. */
  readonly depth: number;
  /** Its copy, once a substitution made one (a place is substituted once). */
  copy: Container | undefined;
}

/**
 * The containers above the value the reference walk is at (pipeline, group, step, ...), each
 * with its key in the one above, pushed and popped as the walk goes. Arrays kept for the whole
 * walk rather than a frame object per container keep the walk's garbage small. A place is made
 * only for a container that holds a reference, when the walk finds it.
 */
export class AncestorPath {
  private readonly containers: unknown[] = [];
  private readonly keys: string[] = [];
  private readonly places: Array<ContainerPlace | undefined> = [];

  /** How many containers are above the current value: its pointer's number of segments. */
  get depth(): number {
    return this.containers.length;
  }

  /** Goes down into `container`, held under `key` by the current innermost container. */
  push(container: unknown, key: string): void {
    this.containers.push(container);
    this.keys.push(key);
    this.places.push(undefined);
  }

  /** Comes back up from the innermost container. */
  pop(): void {
    this.containers.pop();
    this.keys.pop();
    this.places.pop();
  }

  /** True when `value` is one of the containers above: walking it would be a cycle. */
  holds(value: unknown): boolean {
    return this.containers.includes(value);
  }

  /** The place of the innermost container, made (with those above it) on first use. */
  innermostPlace(): ContainerPlace {
    return this.placeAt(this.containers.length - 1);
  }

  private placeAt(index: number): ContainerPlace {
    let place = this.places[index];
    if (place === undefined) {
      place = {
        container: this.containers[index] as Container,
        parent: index === 0 ? undefined : this.placeAt(index - 1),
        key: this.keys[index]!,
        depth: index,
        copy: undefined,
      };
      this.places[index] = place;
    }
    return place;
  }
}

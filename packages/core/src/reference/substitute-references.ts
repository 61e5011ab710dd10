import { PipelineSubstitution } from './pipeline-substitution';

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
  const substitution = new PipelineSubstitution(pipeline);
  for (const { pointer, value } of replacements) substitution.replace(pointer, value);
  return substitution.result;
}

import { type LocatedReference, MASK } from '@fromsecret/core';
import { escapePointerSegment } from '../files/pointer-problem';

/**
 * A copy of a resolved pipeline fit to print without `--reveal`: the value at each
 * reference's place is `********`, and every other text (keys included) is passed through
 * `scrub`, which masks a secret value wherever else it appears, such as inside a command.
 */
export function maskPipeline(
  resolved: unknown,
  references: readonly LocatedReference[],
  scrub: (text: string) => string,
): unknown {
  const masked = new Set(references.map((found) => found.location.pointer));
  const copy = (value: unknown, pointer: string): unknown => {
    if (masked.has(pointer)) return MASK;
    if (typeof value === 'string') return scrub(value);
    if (Array.isArray(value)) return value.map((item, index) => copy(item, `${pointer}/${index}`));
    if (typeof value !== 'object' || value === null) return value;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(result, scrub(key), {
        value: copy(item, `${pointer}/${escapePointerSegment(key)}`),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  };
  return copy(resolved, '');
}

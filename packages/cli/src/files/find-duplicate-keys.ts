import { type Document, isMap, isPair, isScalar, isSeq } from 'yaml';

/**
 * Where each key that repeats an earlier key of the same map stands (its offset in the
 * text), with one set per map. Keys compare as the yaml library's `uniqueKeys` compares them:
 * scalars by value (`1` and `"1"` differ), anything else (a complex key, an alias) only to
 * itself. The library's own check compares each key with every earlier one, so 60,000 keys
 * (well under the 1 MiB input limit) took a minute; this is linear, and walks with its own
 * stack so that depth cannot overflow it.
 */
export function findDuplicateKeys(document: Document): number[] {
  const offsets: number[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) offsets.push(key.range?.[0] ?? 0);
          else seen.add(key.value);
        }
        stack.push(key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return offsets.sort((left, right) => left - right);
}

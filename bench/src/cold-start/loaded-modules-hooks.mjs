// Module hooks for record-loaded-modules.mjs: appends each resolved ES module URL to the file.
import { appendFileSync } from 'node:fs';

let file;

/** Receives the output file from `register`. */
export function initialize(data) {
  file = data.file;
}

/** Resolves as Node would, and records the result. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}

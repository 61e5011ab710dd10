import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadedPackages } from './loaded-packages';

const root = mkdtempSync(join(tmpdir(), 'bench-loaded-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('loadedPackages', () => {
  it('names the package of each module by its nearest named package.json', () => {
    write('node_modules/@azure/identity/package.json', '{"name":"@azure/identity"}');
    // A nested package.json that only sets the module type is not the package's own.
    write('node_modules/@azure/identity/dist/esm/package.json', '{"type":"module"}');
    const esm = write('node_modules/@azure/identity/dist/esm/index.js', '');
    write('packages/core/package.json', '{"name":"@fromsecret/core"}');
    const core = write('packages/core/dist/index.js', '');
    write('node_modules/ms/package.json', '{"name":"ms"}');
    const commonJs = write('node_modules/ms/index.js', '');
    const recorded = [
      'node:fs',
      pathToFileURL(esm).href,
      pathToFileURL(core).href,
      pathToFileURL(core).href,
      commonJs,
      '',
    ].join('\n');
    expect(loadedPackages(recorded)).toEqual(['@azure/identity', '@fromsecret/core', 'ms']);
  });
});

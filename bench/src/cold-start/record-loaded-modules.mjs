// Preloaded with `node --import` in a cold-start probe: records every module the process loads
// (ES modules through a resolve hook, CommonJS ones from the require cache at exit) in the file
// named by the BENCH_LOADED_MODULES_FILE environment variable, one URL or path a line.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.BENCH_LOADED_MODULES_FILE;
if (file === undefined) throw new Error('BENCH_LOADED_MODULES_FILE must name the output file.');

register('./loaded-modules-hooks.mjs', import.meta.url, { data: { file } });

const require = createRequire(import.meta.url);
process.on('exit', () => {
  const paths = Object.keys(require.cache);
  if (paths.length > 0) appendFileSync(file, `${paths.join('\n')}\n`);
});

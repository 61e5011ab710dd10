import { readFileSync } from 'node:fs';
import { runCli } from './run-cli';

// The first Ctrl-C cancels a running resolution cleanly (its error is printed, exit 1); a
// second one is left to Node's default handling, which ends the process at once.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

runCli(process.argv.slice(2), { signal: interrupt.signal, version: manifest.version }).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`fromsecret: internal error, please report it: ${String(error)}\n`);
    process.exitCode = 1;
  },
);

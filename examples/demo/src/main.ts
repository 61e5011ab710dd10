import { DemoStepError, runDemo } from './run-demo';

// The first Ctrl-C stops the running command and then everything the demo started; a second
// one is left to Node, which ends the process at once.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

runDemo({ output: process.stdout, signal: interrupt.signal }).then(
  () => {
    // performance.now() counts from the start of the process, so this includes loading.
    const seconds = (performance.now() / 1000).toFixed(1);
    process.stdout.write(
      `\nDone in ${seconds} s: every reference resolved, no value printed; emulators stopped, temporary files removed.\n`,
    );
  },
  (error: unknown) => {
    if (interrupt.signal.aborted) {
      process.stderr.write('\nInterrupted: emulators stopped, temporary files removed.\n');
      process.exitCode = 130;
      return;
    }
    const message =
      error instanceof DemoStepError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`\nThe demo failed: ${message}\n`);
    process.exitCode = 1;
  },
);

/** A process warning seen during the run, and how often. */
export interface CollectedWarning {
  section: string;
  warning: string;
  count: number;
}

/**
 * Replaces Node's printing of process warnings (which would print one line per resolution)
 * with a collector: each distinct warning is printed once, and all are kept with their counts
 * for the results.
 */
export function collectWarnings(): {
  section(name: string): Promise<void>;
  warnings(): CollectedWarning[];
} {
  const seen = new Map<string, CollectedWarning>();
  let section = 'setup';
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error) => {
    const text = `${warning.name}: ${warning.message}`;
    const key = `${section}\n${text}`;
    const known = seen.get(key);
    if (known !== undefined) {
      known.count++;
      return;
    }
    seen.set(key, { section, warning: text, count: 1 });
    process.stderr.write(
      `warning during ${section} (printed once, counted in the results): ${text}\n`,
    );
    // As Node would with --trace-warnings, which this collector would otherwise silence.
    if (process.execArgv.includes('--trace-warnings')) process.stderr.write(`${warning.stack}\n`);
  });
  return {
    async section(name) {
      // Node emits a warning on a later tick: let those of the section before come first.
      await new Promise((resolve) => setImmediate(resolve));
      section = name;
    },
    warnings: () => [...seen.values()],
  };
}

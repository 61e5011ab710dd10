// `pnpm bench [--quick] [--only <sections>]`: measures fromsecret against naive strategies on
// loopback emulators, prints the tables and writes the results (see docs/benchmarks.md).
import { join } from 'node:path';
import { parseBenchOptions, UsageError } from './bench-options';
import { BENCH_DIRECTORY } from './cold-start/import-probe';
import { type BenchResults, writeResults } from './report/bench-results';
import { evaluateTargets } from './report/evaluate-targets';
import { finishMachineDetails, machineDetails } from './report/machine-details';
import { targetTable } from './report/section-tables';
import { collectWarnings } from './report/warning-collector';
import { print, runSections } from './run-sections';

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const warnings = collectWarnings();
  const machine = machineDetails();
  const mode = options.quick ? 'quick' : 'full';
  process.stdout.write(
    `fromsecret benchmark (${mode}): ${machine.cpuModel}, ${machine.cpus} CPUs, Node ${machine.nodeVersion}, load average ${machine.loadAverageAtStart.join(' ')}\n`,
  );
  const measured = await runSections(options, warnings.section);
  const partial: Omit<BenchResults, 'targets'> = {
    mode,
    generatedAt: new Date().toISOString(),
    sections: [...options.sections],
    machine: finishMachineDetails(machine),
    ...measured,
    warnings: warnings.warnings(),
  };
  const targets = evaluateTargets(partial);
  print('Design §10 targets', targetTable(targets));
  const file = join(BENCH_DIRECTORY, options.resultsFile);
  await writeResults(file, { ...partial, targets });
  process.stdout.write(`\nResults written to ${file}\n`);
  const failedChecks = measured.coldStart?.checks.filter((check) => !check.ok) ?? [];
  if (failedChecks.length > 0) {
    process.stderr.write(
      `A package loads a module it must not load:\n${failedChecks.map((check) => `  ${check.package}: ${check.detail}`).join('\n')}\n`,
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`The benchmark failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});

import type { BenchOptions } from './bench-options';
import { startEmulatorFleet } from './emulators/emulator-fleet';
import type { BenchResults } from './report/bench-results';
import { loadTable, resolutionTable, storeResolutionTable } from './report/resolution-tables';
import { coldStartTable, maskingTable, planningTable, streamTable } from './report/section-tables';
import { runColdStartBench } from './sections/cold-start-bench';
import { runLoadBench } from './sections/load-bench';
import { runMaskingBench } from './sections/masking-bench';
import { runPlanningBench } from './sections/planning-bench';
import { runResolutionBench } from './sections/resolution-bench';
import { runStoreResolutionBench } from './sections/store-resolution-bench';

/** The measured part of the results. */
export type SectionResults = Pick<
  BenchResults,
  | 'resolution'
  | 'resolutionByStore'
  | 'load'
  | 'planning'
  | 'masking'
  | 'stream'
  | 'coldImportMs'
  | 'coldStart'
>;

/**
 * Runs the chosen sections in order, printing each one's table as it finishes. `onSection` is
 * told which section runs, so that warnings can be put down to it.
 */
export async function runSections(
  options: BenchOptions,
  onSection: (name: string) => Promise<void>,
): Promise<SectionResults> {
  const results: SectionResults = {
    resolution: [],
    resolutionByStore: [],
    planning: [],
    masking: [],
    stream: [],
  };
  const wanted = (name: (typeof options.sections)[number]) => options.sections.includes(name);
  if (wanted('resolution') || wanted('load')) {
    await onSection('emulator start');
    const fleet = await startEmulatorFleet(options.resolution.paths);
    try {
      if (wanted('resolution')) {
        await onSection('resolution');
        results.resolution = await runResolutionBench(options.resolution, fleet);
        print('Resolution', resolutionTable(results.resolution));
        results.resolutionByStore = await runStoreResolutionBench(options.resolution, fleet);
        print('fromsecret by store', storeResolutionTable(results.resolutionByStore));
      }
      if (wanted('load')) {
        await onSection('load');
        results.load = await runLoadBench(options.load, options.resolution, fleet);
        const { failureMessages } = results.load;
        const failures = failureMessages.map((message) => `- failed: ${message}`).join('\n');
        print('Load', loadTable(results.load) + (failures === '' ? '' : `\n\n${failures}`));
      }
    } finally {
      await fleet.close();
    }
  }
  if (wanted('planning')) {
    await onSection('planning');
    results.planning = await runPlanningBench(options.planning);
    print('Planning and substitution (no I/O)', planningTable(results.planning));
  }
  if (wanted('masking')) {
    await onSection('masking');
    const { masking, stream } = await runMaskingBench(options.masking);
    Object.assign(results, { masking, stream });
    print('Masking', maskingTable(masking));
    print('Masking stream', streamTable(stream));
  }
  if (wanted('cold-start')) {
    await onSection('cold-start');
    const { coldImportMs, ...coldStart } = await runColdStartBench(options.coldStart);
    Object.assign(results, { coldImportMs, coldStart });
    print('Cold start', coldStartTable({ coldImportMs, ...coldStart }));
  }
  return results;
}

/** Prints a titled table. */
export function print(title: string, table: string): void {
  process.stdout.write(`\n## ${title}\n\n${table}\n`);
}

import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';

/** The machine a run was measured on. */
export interface MachineDetails {
  cpuModel: string;
  /** Logical CPUs this process may use (as `nproc` reports). */
  cpus: number;
  totalMemoryGb: number;
  platform: string;
  arch: string;
  osRelease: string;
  nodeVersion: string;
  /** 1-, 5- and 15-minute load averages when the run started and ended: other work on the machine. */
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

/** Describes this machine now; call {@link finishMachineDetails} at the end of the run. */
export function machineDetails(): MachineDetails {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cpus: availableParallelism(),
    totalMemoryGb: Math.round(totalmem() / 1e8) / 10,
    platform: process.platform,
    arch: process.arch,
    osRelease: release(),
    nodeVersion: process.version,
    loadAverageAtStart: loadavg().map(round),
  };
}

/** Adds the load average at the end of the run. */
export function finishMachineDetails(details: MachineDetails): MachineDetails {
  return { ...details, loadAverageAtEnd: loadavg().map(round) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

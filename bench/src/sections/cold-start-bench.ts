import type { BenchOptions } from '../bench-options';
import { probeImport, recordImport } from '../cold-start/import-probe';
import { loadedPackages } from '../cold-start/loaded-packages';
import { checkLoadedPackages, type ModuleCheck, type StoreSdk } from '../cold-start/module-checks';
import { median } from '../report/statistics';

/** The packages timed, by the key design §10 gives them in `coldImportMs`. */
const PACKAGES = {
  core: '@fromsecret/core',
  vault: '@fromsecret/vault',
  azure_key_vault: '@fromsecret/azure-key-vault',
  infisical: '@fromsecret/infisical',
} as const;

type PackageKey = keyof typeof PACKAGES;

/** The store SDKs each package may not load when imported. */
const FORBIDDEN: Readonly<Record<PackageKey, readonly StoreSdk[]>> = {
  core: ['node-vault', '@azure/*', '@infisical/*'],
  // node-vault is imported on the first request, not with the package.
  vault: ['node-vault', '@azure/*', '@infisical/*'],
  azure_key_vault: ['node-vault', '@infisical/*'],
  infisical: ['node-vault', '@azure/*'],
};

/** Cold-start figures: `coldImportMs` is design §10's; the rest says how it was measured. */
export interface ColdStartResult {
  coldImportMs: Record<PackageKey, number>;
  processMs: Record<PackageKey, number>;
  /** A fresh `node` that imports nothing, spawn to exit. */
  bareProcessMs: number;
  runs: number;
  loadedPackages: Record<PackageKey, string[]>;
  checks: ModuleCheck[];
}

/** Times each package's import in fresh processes (interleaved), then checks what each loads. */
export async function runColdStartBench(
  options: BenchOptions['coldStart'],
): Promise<ColdStartResult> {
  const keys = Object.keys(PACKAGES) as PackageKey[];
  const timings = new Map<PackageKey | 'bare', { importMs: number; processMs: number }[]>();
  for (let run = 0; run < options.runs; run++) {
    for (const key of [...keys, 'bare'] as const) {
      const timing = await probeImport(key === 'bare' ? undefined : PACKAGES[key]);
      timings.set(key, [...(timings.get(key) ?? []), timing]);
    }
  }
  const medianOf = (key: PackageKey | 'bare', field: 'importMs' | 'processMs') =>
    median(timings.get(key)!.map((timing) => timing[field]));
  const loaded = {} as Record<PackageKey, string[]>;
  for (const key of keys) loaded[key] = loadedPackages(await recordImport(PACKAGES[key]));
  return {
    coldImportMs: Object.fromEntries(keys.map((key) => [key, medianOf(key, 'importMs')])) as Record<
      PackageKey,
      number
    >,
    processMs: Object.fromEntries(keys.map((key) => [key, medianOf(key, 'processMs')])) as Record<
      PackageKey,
      number
    >,
    bareProcessMs: medianOf('bare', 'processMs'),
    runs: options.runs,
    loadedPackages: loaded,
    checks: keys.map((key) => checkLoadedPackages(PACKAGES[key], FORBIDDEN[key], loaded[key])),
  };
}

import { basename, dirname } from 'node:path';
import { createAzureKeyVaultDefinition } from '@fromsecret/azure-key-vault';
import { createProviderRegistry } from '@fromsecret/core';
import { provider as infisicalProvider } from '@fromsecret/infisical';
import { provider as vaultProvider } from '@fromsecret/vault';
import { type DemoEmulators, startDemoEmulators } from './demo-emulators';
import { DEMO_INTEGRATIONS } from './demo-integrations';
import { DEMO_CREDENTIALS } from './demo-secrets';
import { createDemoWorkspace, type DemoWorkspace } from './demo-workspace';
import { PIPELINE_FILE, summarizePipeline } from './pipeline-summary';
import { printEmulators, printRequests } from './print-sections';
import { createReportWriter, type ReportWriter, type TextSink } from './report-writer';
import { countRequests, type StoreRequests } from './request-table';
import { type FromsecretRun, runFromsecretEmbedded, spawnFromsecret } from './run-fromsecret';

/** Options of {@link runDemo}. */
export interface RunDemoOptions {
  /** Where the report goes. */
  output: TextSink;
  /** Ctrl-C: stops the running command; the emulators are stopped and the files removed. */
  signal: AbortSignal;
  /**
   * The environment variables each command gets, which the integrations file's `${NAME}`
   * refer to. Give wrong ones to see a failing connection test.
   * @default the credentials the emulators were seeded with
   */
  credentials?: Readonly<Record<string, string>>;
}

/** What a successful run did, for its test. */
export interface DemoResult {
  /** The temporary directory it used (removed when the run ends). */
  directory: string;
  /** The requests each store received during the resolution. */
  requests: readonly StoreRequests[];
}

/** A `fromsecret` command of the demo failed; its output has been printed. */
export class DemoStepError extends Error {
  override readonly name = 'DemoStepError';
}

/** The pipeline's origin, as the CI server knows it: every integration's allowlist admits it. */
const ACCESS = ['--repo', 'acme/app', '--user', 'alice', '--org', 'acme'];

/**
 * The demo: starts the three emulators, writes an integrations file for them, runs
 * `fromsecret test` for each integration and `fromsecret resolve` on `pipeline.yml`, prints
 * the masked result and the requests per store. Whatever happens, it stops the emulators and
 * removes its files before it returns or throws.
 */
export async function runDemo(options: RunDemoOptions): Promise<DemoResult> {
  const report = createReportWriter(options.output);
  report.section(1, 'Starting the emulators (loopback, HTTPS)');
  const emulators = await startDemoEmulators();
  let workspace: DemoWorkspace | undefined;
  try {
    workspace = createDemoWorkspace(emulators);
    printEmulators(report, emulators, workspace);
    const context = {
      report,
      emulators,
      workspace,
      signal: options.signal,
      credentials: options.credentials ?? DEMO_CREDENTIALS,
    };
    await testConnections(context);
    for (const { log } of emulators.logs()) log.clear();
    await resolvePipeline(context);
    const requests = emulators.logs().map(({ store, log }) => countRequests(store, log));
    report.section(4, 'Requests per store (during the resolution)');
    printRequests(report, requests, summarizePipeline());
    return { directory: workspace.directory, requests };
  } finally {
    workspace?.remove();
    await emulators.close();
  }
}

interface DemoContext {
  report: ReportWriter;
  emulators: DemoEmulators;
  workspace: DemoWorkspace;
  signal: AbortSignal;
  credentials: Readonly<Record<string, string>>;
}

async function testConnections(context: DemoContext): Promise<void> {
  const { report, workspace } = context;
  report.section(2, 'Testing each integration (logs in, reads nothing)');
  for (const integration of DEMO_INTEGRATIONS) {
    const args = ['test', integration.name, '--integrations', workspace.integrationsFile];
    await runStep(context, args, integration.runs);
  }
}

async function resolvePipeline(context: DemoContext): Promise<void> {
  const { report, workspace } = context;
  report.section(3, 'Resolving examples/demo/pipeline.yml (values masked)');
  const args = [
    'resolve',
    basename(PIPELINE_FILE),
    '--integrations',
    workspace.integrationsFile,
    '--secrets',
    workspace.secretsFile,
    ...ACCESS,
  ];
  // Azure Key Vault takes the emulator's CA only in code, so the resolution that reaches all
  // three stores runs embedded; its output is the binary's, byte for byte.
  await runStep(context, args, 'embedded');
}

/** Runs one command, prints it and its output, and fails the demo if it failed. */
async function runStep(
  context: DemoContext,
  args: readonly string[],
  runs: 'binary' | 'embedded',
): Promise<FromsecretRun> {
  const { report, workspace, signal } = context;
  signal.throwIfAborted();
  const options = { cwd: dirname(PIPELINE_FILE), environment: context.credentials, signal };
  const run =
    runs === 'binary'
      ? await spawnFromsecret(args, options)
      : await runFromsecretEmbedded(args, { ...options, registry: emulatorRegistry(context) });
  signal.throwIfAborted();
  const shown = ['fromsecret', ...args.map((arg) => displayPath(arg, workspace))].join(' ');
  report.command(runs === 'binary' ? shown : `${shown}    # embedded, see README`, run);
  if (run.status !== 0) {
    throw new DemoStepError(
      `${shown} failed with exit status ${run.status}; its output is above. Nothing was left running.`,
    );
  }
  return run;
}

/** The binary's providers, with Azure Key Vault's built to trust the emulator's CA. */
function emulatorRegistry({ emulators }: DemoContext) {
  return createProviderRegistry({
    providers: [
      vaultProvider,
      infisicalProvider,
      createAzureKeyVaultDefinition({ emulator: { caCert: emulators.azure.caCert } }),
    ],
  });
}

function displayPath(arg: string, workspace: DemoWorkspace): string {
  return arg.startsWith(workspace.directory)
    ? `$DEMO_TMP${arg.slice(workspace.directory.length)}`
    : arg;
}

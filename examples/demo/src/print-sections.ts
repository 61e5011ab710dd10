import { readFileSync } from 'node:fs';
import type { DemoEmulators } from './demo-emulators';
import { DEMO_CREDENTIALS, DEMO_INTERNAL_SECRETS, DEMO_STORED } from './demo-secrets';
import type { DemoWorkspace } from './demo-workspace';
import type { PipelineSummary } from './pipeline-summary';
import type { ReportWriter } from './report-writer';
import { formatRequestTable, type StoreRequests } from './request-table';

/** Section 1: where the emulators listen, what they hold, and the files written for them. */
export function printEmulators(
  report: ReportWriter,
  { vault, azure, infisical }: DemoEmulators,
  workspace: DemoWorkspace,
): void {
  const rows = [
    [
      'HashiCorp Vault',
      vault.url,
      'AppRole; KV v2: acme/app/database, acme/app/payments (3 versions)',
    ],
    ['Azure Key Vault', azure.vaultUrl, `Entra ID on the same port; ${names(DEMO_STORED.azure)}`],
    [
      'Infisical',
      infisical.url,
      `Universal Auth; project acme-app, prod: ${names(DEMO_STORED.infisical)}`,
    ],
  ];
  const width = (column: number) => Math.max(...rows.map((row) => row[column]!.length));
  for (const row of rows) {
    report.line(`  ${row[0]!.padEnd(width(0))}  ${row[1]!.padEnd(width(1))}  ${row[2]}`);
  }
  report.line('Each serves HTTPS with a certificate signed by a CA generated at start.');
  report.line();
  report.line(`Files in DEMO_TMP=${workspace.directory} (removed at the end):`);
  report.line();
  report.line('  integrations.yml');
  report.block(shortenCertificates(readFileSync(workspace.integrationsFile, 'utf8')));
  report.line();
  report.line(`  secrets.yml: ${names(DEMO_INTERNAL_SECRETS)} (the CI server's own secrets)`);
  report.line();
  report.line(
    `The file holds no credential: each fromsecret command gets them as environment variables,\n${names(DEMO_CREDENTIALS)}.`,
  );
}

/** Section 4: the requests table, and how it compares with the minimum. */
export function printRequests(
  report: ReportWriter,
  requests: readonly StoreRequests[],
  summary: PipelineSummary,
): void {
  report.block(formatRequestTable(requests), 2);
  report.line();
  const reads = [...summary.distinctReads.values()].reduce((sum, count) => sum + count, 0);
  const perStore = [...summary.distinctReads].map(([store, count]) => `${store} ${count}`);
  report.line(
    `pipeline.yml: ${summary.internal + summary.external} references, ${summary.internal} internal (from secrets.yml, no request) and ${summary.external} external,\nwhich need ${reads} distinct reads (${perStore.join(', ')}).`,
  );
  const minimal = requests.every(
    (row) => row.logins === 1 && row.reads === (summary.distinctReads.get(row.store) ?? 0),
  );
  report.line(
    minimal
      ? `Each store answered one login and one read per distinct path: ${requests.length} logins + ${reads} reads, the minimum.`
      : `MORE REQUESTS THAN NEEDED: the minimum is one login per store and ${reads} reads.`,
  );
  report.line(
    "The other requests belong to logging in and out: Entra ID's OpenID metadata, which MSAL asks\nan emulator for (it knows Azure's own); Vault and Infisical tokens are revoked at the end.",
  );
}

function names(record: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(record);
  return keys.length < 2 ? keys.join('') : `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}`;
}

/** The integrations file for reading: each CA certificate cut to its first and last lines. */
function shortenCertificates(text: string): string {
  return text.replace(
    /( *)-----BEGIN CERTIFICATE-----\n([\s\S]*?)\n *-----END CERTIFICATE-----/g,
    (_, padding: string, body: string) =>
      `${padding}-----BEGIN CERTIFICATE-----\n${padding}... (${body.split('\n').length} lines: the emulator's CA) ...\n${padding}-----END CERTIFICATE-----`,
  );
}

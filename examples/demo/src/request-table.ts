import type { RequestLog } from '@fromsecret/testkit/emulators';

/** How many requests one store received, by kind. */
export interface StoreRequests {
  store: string;
  /** Logins: AppRole (Vault), Universal Auth (Infisical), the token request (Entra ID). */
  logins: number;
  /** Secret reads. */
  reads: number;
  /** Every other request by its emulator label (Entra ID's metadata, token revocation). */
  other: Readonly<Record<string, number>>;
  total: number;
}

// Entra ID's token request is Azure's login; a vault's 401 challenge (a vault outside Azure's
// known clouds) or MSAL's metadata request is listed with the other requests, under its label.
const LOGIN_OPERATIONS = new Set(['login', 'token']);

/** Counts a store's requests from its emulator's request log. */
export function countRequests(store: string, log: RequestLog): StoreRequests {
  let logins = 0;
  let reads = 0;
  const other: Record<string, number> = {};
  for (const { operation } of log.entries) {
    if (LOGIN_OPERATIONS.has(operation)) logins += 1;
    else if (operation === 'read') reads += 1;
    else other[operation] = (other[operation] ?? 0) + 1;
  }
  return { store, logins, reads, other, total: log.count() };
}

/** The requests as a table: store, logins, reads, total requests, and what the others were. */
export function formatRequestTable(rows: readonly StoreRequests[]): string {
  const header = ['store', 'logins', 'reads', 'total requests', 'other requests'];
  const cells = rows.map((row) => [
    row.store,
    String(row.logins),
    String(row.reads),
    String(row.total),
    describeOther(row.other),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((cell) => cell[column]!.length)),
  );
  const render = (cell: readonly string[]) =>
    cell
      .map((text, column) =>
        column === 0 || column === cell.length - 1
          ? text.padEnd(widths[column]!)
          : text.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [render(header), ...cells.map(render)].join('\n');
}

// The emulators' labels, as the table shows them.
const OTHER_LABELS: Readonly<Record<string, string>> = {
  challenge: '401 challenge',
  openid: 'Entra ID metadata',
  'revoke-self': 'token revoked',
  revoke: 'token revoked',
};

function describeOther(other: Readonly<Record<string, number>>): string {
  const entries = Object.entries(other);
  if (entries.length === 0) return '-';
  return entries
    .map(([operation, count]) => `${count} ${OTHER_LABELS[operation] ?? operation}`)
    .join(', ');
}

/** A Markdown table (GitHub style), its columns padded so that it also reads as plain text. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length), 3),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** `value` with `digits` decimals, or with none when it is 100 or more. */
export function formatNumber(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
}

/** `value` as a ratio, `12.3×`. */
export function formatRatio(value: number): string {
  return `${formatNumber(value, value < 10 ? 2 : 1)}×`;
}

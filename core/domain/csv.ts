// Shared by the server's /export files and the explorer's own CSV downloads (the view, console results).
// RFC 4180 CSV with a guard against formula injection: a text cell that a spreadsheet would run as a
// formula (starting with = + - @, or a tab or carriage return that some of them strip first) gets a
// leading apostrophe, as OWASP recommends. Numbers are written as numbers and are not touched.
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function guardCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface Column<T> {
  name: string;
  value: (row: T) => Cell;
}

/** A UTF-8 BOM first so Excel reads the Chinese columns as UTF-8; CRLF line ends as RFC 4180 says. */
export function toCsv<T>(columns: Column<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => quote(c.name)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(guardCell(c.value(row)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

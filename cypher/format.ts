// Pure rendering of query results (rows of plain values from core/db/mapping.ts) for the CLI.
import type { PlainNode, PlainPath, PlainRelationship } from '../core/db/mapping.js';

export type OutputFormat = 'table' | 'json' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];

type Row = Record<string, unknown>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isNode(v: unknown): v is PlainNode {
  return isObject(v) && v.__type === 'node';
}
function isRelationship(v: unknown): v is PlainRelationship {
  return isObject(v) && v.__type === 'relationship';
}
function isPath(v: unknown): v is PlainPath {
  return isObject(v) && v.__type === 'path';
}

/** `name (kind)` for entities; chapters, facts and episodes fall back to their title or id. */
export function nodeLabel(n: PlainNode): string {
  const p = n.properties;
  const name = p.name ?? p.title ?? p.id ?? n.elementId;
  const kind = typeof p.kind === 'string' ? p.kind : n.labels.find((l) => l !== 'Entity');
  return kind ? `${String(name)} (${kind})` : String(name);
}

function pathLabel(p: PlainPath): string {
  const byId = new Map(p.nodes.map((n) => [n.elementId, n]));
  const name = (n: PlainNode | undefined): string => String(n?.properties.name ?? n?.properties.id ?? '?');
  let out = name(p.nodes[0]);
  p.relationships.forEach((r, i) => {
    const next = p.nodes[i + 1];
    const forward = r.endElementId === next?.elementId || !byId.has(r.endElementId);
    out += forward ? ` -${r.type}-> ${name(next)}` : ` <-${r.type}- ${name(next)}`;
  });
  return out;
}

/** One cell as text: nodes as `name (kind)`, relationships as their TYPE, lists joined. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (isNode(value)) return nodeLabel(value);
  if (isRelationship(value)) return value.type;
  if (isPath(value)) return pathLabel(value);
  if (Array.isArray(value)) return value.map(formatCell).join(', ');
  return JSON.stringify(value);
}

/**
 * Terminal columns a string takes: CJK and full-width characters take two, so Chinese names
 * (英伟达, 台积电) do not push the table out of line.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x300 && cp < 0x370) || cp === 0x200b) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Cuts to at most `max` columns, ending in … when anything was cut. */
export function truncate(s: string, max: number): string {
  const flat = s.replace(/\s*[\r\n]+\s*/g, ' ');
  if (displayWidth(flat) <= max) return flat;
  let out = '';
  let w = 0;
  for (const ch of flat) {
    const cw = displayWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export interface TableOptions {
  /** Widest a cell may be before it is cut with … */
  maxCellWidth?: number;
}

export function formatTable(keys: string[], rows: Row[], opts: TableOptions = {}): string {
  const max = opts.maxCellWidth ?? 48;
  const cells = rows.map((r) => keys.map((k) => truncate(formatCell(r[k]), max)));
  // Numbers read best right-aligned; a column is numeric when every non-empty cell is a number.
  const numeric = keys.map((k) => rows.some((r) => r[k] !== null && r[k] !== undefined) && rows.every((r) => r[k] === null || r[k] === undefined || typeof r[k] === 'number'));
  const widths = keys.map((k, i) => Math.max(displayWidth(truncate(k, max)), ...cells.map((c) => displayWidth(c[i]!))));
  const line = (values: string[], alignNumbers: boolean): string =>
    values.map((v, i) => pad(v, widths[i]!, alignNumbers && numeric[i]!)).join(' │ ').trimEnd();
  const out = [line(keys.map((k) => truncate(k, max)), false), widths.map((w) => '─'.repeat(w)).join('─┼─')];
  for (const c of cells) out.push(line(c, true));
  return out.join('\n');
}

/** RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled. */
export function formatCsv(keys: string[], rows: Row[]): string {
  const field = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [keys.map(field).join(',')];
  for (const r of rows) lines.push(keys.map((k) => field(formatCell(r[k]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Rows as JSON with the keys in the order the query returned them. */
export function formatJson(keys: string[], rows: Row[]): string {
  return JSON.stringify(
    rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? null]))),
    null,
    2,
  );
}

export function formatRows(format: OutputFormat, keys: string[], rows: Row[], opts: TableOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(keys, rows);
    case 'csv':
      return formatCsv(keys, rows);
    case 'table':
      return formatTable(keys, rows, opts);
  }
}

export function rowCountLine(count: number, truncated: boolean): string {
  return `${count} row${count === 1 ? '' : 's'}${truncated ? ' (truncated)' : ''}`;
}

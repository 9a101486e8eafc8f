// Saved analyses are plain .cypher files with a `// key: value` header, so they stay readable and
// runnable in any Neo4j tool; this module turns them into data for the CLI and the console.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ROOT_DIR } from '../core/config.js';
import { codeOf } from '../core/cypher/lexer.js';

export type ParamValue = string | number | boolean;

export interface SavedQueryParam {
  name: string;
  default: ParamValue;
}

export interface SavedQuery {
  /** File name without `.cypher`, e.g. `05-r1-o1-price-gap`. */
  name: string;
  title: string;
  titleZh: string;
  description: string;
  descriptionZh: string;
  params: SavedQueryParam[];
  returns: string[];
  cypher: string;
}

export const QUERIES_DIR = resolve(ROOT_DIR, 'cypher', 'queries');

const SINGLE_KEYS = ['title', 'title_zh', 'description', 'description_zh', 'returns'] as const;
type SingleKey = (typeof SINGLE_KEYS)[number];
const HEADER_LINE = /^\/\/\s*([a-z_]+)\s*:\s*(.*?)\s*$/;
const PARAM_DECL = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Strict on purpose: `-?digits[.digits]` only, so ids such as `007`, `1e3` or `0x10` stay strings
 * and a typo never silently turns into a different number.
 */
export function coerceParam(value: string): ParamValue {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/** A default in double or single quotes stays a string even when it looks like a number. */
function parseDefault(raw: string): ParamValue {
  const m = /^"(.*)"$/.exec(raw) ?? /^'(.*)'$/.exec(raw);
  return m ? (m[1] ?? '') : coerceParam(raw);
}

/**
 * Parameters and statement breaks in code only: a `$` or `;` inside text ("$2 per million") is not one.
 * Literals and comments are blanked by the one lexer (core/cypher/lexer.ts) the console's guard uses too.
 */
function scanCypher(cypher: string): { params: Set<string>; statementBreaks: number } {
  const code = codeOf(cypher);
  const params = new Set([...code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
  return { params, statementBreaks: [...code].filter((c) => c === ';').length };
}

export function parseSavedQuery(fileName: string, source: string): SavedQuery {
  const name = basename(fileName).replace(/\.cypher$/, '');
  const fail = (message: string): never => {
    throw new Error(`${basename(fileName)}: ${message}`);
  };

  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  let at = 0;
  while (at < lines.length && lines[at]!.trim() === '') at++;
  const single: Partial<Record<SingleKey, string>> = {};
  const params: SavedQueryParam[] = [];
  for (; at < lines.length; at++) {
    const line = lines[at]!.trim();
    if (!line.startsWith('//')) break;
    if (line.replace(/^\/\/\s*/, '') === '') continue;
    const m = HEADER_LINE.exec(line);
    if (!m) fail(`header line ${at + 1} is not "// key: value": ${line}`);
    const [, key, value] = m as RegExpExecArray & [string, string, string];
    if (key === 'param') {
      const p = PARAM_DECL.exec(value);
      if (!p) fail(`header line ${at + 1}: a param must read "// param: name = default", got "${value}"`);
      const [, pname, raw] = p as RegExpExecArray & [string, string, string];
      if (raw.trim() === '') fail(`header line ${at + 1}: param "${pname}" has no default`);
      if (params.some((q) => q.name === pname)) fail(`param "${pname}" is declared twice`);
      params.push({ name: pname, default: parseDefault(raw.trim()) });
    } else if ((SINGLE_KEYS as readonly string[]).includes(key)) {
      if (single[key as SingleKey] !== undefined) fail(`"${key}" appears twice in the header`);
      if (value === '') fail(`header line ${at + 1}: "${key}" is empty`);
      single[key as SingleKey] = value;
    } else {
      fail(`header line ${at + 1}: unknown key "${key}" (expected ${[...SINGLE_KEYS, 'param'].join(', ')})`);
    }
  }
  for (const key of SINGLE_KEYS) if (single[key] === undefined) fail(`the header has no "// ${key}:" line`);

  const returns = single.returns!.split(',').map((s) => s.trim());
  for (const col of returns) if (!IDENT.test(col)) fail(`"returns" has an invalid column name "${col}"`);

  const cypher = lines.slice(at).join('\n').trim().replace(/;\s*$/, '').trim();
  if (cypher === '') fail('there is no Cypher statement after the header');
  const scan = scanCypher(cypher);
  if (scan.statementBreaks > 0) fail('holds more than one statement (only one is allowed)');
  const declared = new Set(params.map((p) => p.name));
  for (const used of scan.params)
    if (!declared.has(used)) fail(`uses $${used} but the header has no "// param: ${used} = ..." line`);
  for (const p of params) if (!scan.params.has(p.name)) fail(`declares param "${p.name}" that the statement never uses`);

  return {
    name,
    title: single.title!,
    titleZh: single.title_zh!,
    description: single.description!,
    descriptionZh: single.description_zh!,
    params,
    returns,
    cypher,
  };
}

/** Every saved query in `dir`, in file-name order (the numeric prefix orders them). */
export function listSavedQueries(dir: string = QUERIES_DIR): SavedQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => parseSavedQuery(f, readFileSync(join(dir, f), 'utf8')));
}

/** Finds a saved query by full name (with or without `.cypher`) or by its numeric prefix (`5`, `05`). */
export function findSavedQuery(queries: SavedQuery[], key: string): SavedQuery | undefined {
  const k = key.replace(/\.cypher$/, '');
  const exact = queries.find((q) => q.name === k);
  if (exact) return exact;
  if (/^\d+$/.test(k)) {
    const n = Number(k);
    const byNumber = queries.filter((q) => /^\d+/.test(q.name) && Number(/^\d+/.exec(q.name)![0]) === n);
    if (byNumber.length === 1) return byNumber[0];
  }
  return undefined;
}

/** Saved defaults first, then the caller's values on top (already coerced by the caller). */
export function mergeParams(query: SavedQuery | undefined, given: Record<string, ParamValue>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const p of query?.params ?? []) out[p.name] = p.default;
  return { ...out, ...given };
}

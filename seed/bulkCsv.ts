// CSV files for Neo4j's offline importer (`neo4j-admin database import full`), written from the same
// property builders the online loader uses (seed/statements.ts), so both paths store the same graph:
// every JS number as a float (what the driver sends), arrays typed by their values, the same labels
// and types, the same centrality. Only for an empty store; updates always take the online path. The
// marker gets its hash after the start (bulkImport.ts); until then it says the load has not finished.
import { createWriteStream } from 'node:fs';
import neo4j from 'neo4j-driver';
import { join } from 'node:path';
import type { Dataset } from '../core/domain/types.js';
import { centralityProps, type Centrality } from './centrality.js';
import * as S from './statements.js';

/** Splits array properties; a control character no text in the dataset can hold (validate.ts rejects them). */
export const ARRAY_DELIMITER = '\u001f';

type Props = Record<string, unknown>;
/** The props of each row, and the leading cells (id and labels, or ends and type) that go before them. */
interface Rows { props: Props[]; lead: (i: number) => string[] }

type ColType = 'string' | 'double' | 'long' | 'boolean' | 'string[]' | 'double[]' | 'boolean[]';

function typeOf(v: unknown): ColType | null {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'double';
  if (typeof v === 'boolean') return 'boolean';
  // A driver Integer (the community number) is an integer in Neo4j too.
  if (neo4j.isInt(v)) return 'long';
  if (Array.isArray(v)) {
    const first = v.find((x) => x !== null && x !== undefined);
    if (first === undefined) return null;
    return `${typeOf(first) as 'string' | 'double' | 'boolean'}[]`;
  }
  return null;
}

function columns(rows: Props[]): [string, ColType][] {
  const cols = new Map<string, ColType | null>();
  for (const p of rows)
    for (const k in p) {
      const v = p[k];
      if (cols.get(k) != null) continue;
      const t = typeOf(v);
      // An empty list types nothing; another row's value decides (string[] when none does).
      if (!cols.has(k) || (cols.get(k) === null && t !== null)) cols.set(k, t);
    }
  return [...cols].map(([k, t]) => [k, t ?? (Array.isArray(rows.find((r) => k in r)?.[k]) ? 'string[]' : 'string')]);
}

const quote = (s: string) => (s.includes('"') ? `"${s.replaceAll('"', '""')}"` : `"${s}"`);

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  // join() writes items as String() does, except null and undefined (as ''): those keep String()'s text.
  if (Array.isArray(v)) return quote((v.includes(null) || v.includes(undefined) ? v.map(String) : v).join(ARRAY_DELIMITER));
  if (typeof v === 'string') return quote(v);
  return String(v);
}

/**
 * Lines are written in chunks of ~1 MB: one stream write per line cost more than building the lines.
 * Returns whether a field held a line break: only then must the importer parse fields across lines,
 * which cost it ~15% of its time at 100k/500k (bench/README.md, "Bulk load").
 */
async function writeLines(file: string, header: string, lines: Iterable<string>): Promise<boolean> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  let multiline = false;
  let chunk = `${header}\n`;
  for (const line of lines) {
    if (!multiline && (line.includes('\n') || line.includes('\r'))) multiline = true;
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return multiline;
}

/** One CSV: the lead columns (`:ID,:LABEL` or `:START_ID,:END_ID,:TYPE`), then a typed column per property. */
function csvFile(file: string, lead: string[], rows: Rows): Promise<boolean> {
  const cols = columns(rows.props);
  const header = [...lead, ...cols.map(([k, t]) => `${k}:${t}`)].join(',');
  return writeLines(file, header, (function* () {
    for (let i = 0; i < rows.props.length; i++) {
      const p = rows.props[i]!;
      let line = rows.lead(i).map(quote).join(',');
      for (const [k] of cols) line += `,${cell(p[k])}`;
      yield line;
    }
  })());
}

const nodeFile = (file: string, rows: Rows) => csvFile(file, [':ID', ':LABEL'], rows);
const relFile = (file: string, rows: Rows) => csvFile(file, [':START_ID', ':END_ID', ':TYPE'], rows);

const compact = (o: Props): Props => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

export interface ImportFiles {
  nodes: string[];
  relationships: string[];
  /** The files with a field that spans lines (the importer must then parse them slowly). */
  multiline: string[];
  /**
   * List properties the importer cannot store: empty lists, and lists of empty strings only (a reference
   * item's chapter and speaker are ''), which it reads as no value. They are set after the start.
   */
  emptyLists: { label: 'Entity' | 'Fact' | 'DateClaim' | 'REL'; id: string; prop: string; value: string[] | null }[];
}

const unstorable = (v: unknown): v is unknown[] => Array.isArray(v) && v.every((x) => x === '');

function emptyListsOf(label: ImportFiles['emptyLists'][number]['label'], rows: Props[]): ImportFiles['emptyLists'] {
  return rows.flatMap((p) =>
    Object.entries(p)
      .filter(([, v]) => unstorable(v))
      .map(([prop, v]) => ({ label, id: String(p.id), prop, value: (v as string[]).length ? (v as string[]) : null })),
  );
}

/** The statements that give those properties back (one per label, property name and shape, all from our own builders). */
export function emptyListStatements(list: ImportFiles['emptyLists']): { cypher: string; params: Record<string, unknown> }[] {
  const groups = new Map<string, { id: string; value: string[] | null }[]>();
  for (const e of list) {
    if (!/^[A-Za-z]+$/.test(e.prop)) throw new Error(`unexpected property name ${e.prop}`);
    const k = `${e.label}.${e.prop}.${e.value ? 'values' : 'empty'}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push({ id: e.id, value: e.value });
  }
  return [...groups].map(([k, rows]) => {
    const [label, prop, shape] = k.split('.') as [string, string, string];
    const match = label === 'REL' ? 'MATCH ()-[n {id: row.id}]->()' : `MATCH (n:${label} {id: row.id})`;
    // A literal [] for empty lists: an empty list parameter would have no element type.
    const value = shape === 'empty' ? '[]' : 'row.value';
    return { cypher: `UNWIND $rows AS row ${match} SET n.${prop} = ${value}`, params: { rows } };
  });
}

/** The marker the importer writes: a load that has not finished, so an interrupted start loads again (graphState.ts). */
export const IMPORTED_MARKER = { id: 'seed', loading: 'offline import' } as const;

/**
 * Writes the dataset as importer CSVs into `dir`. `centrality` (the online loader's, seed/centrality.ts)
 * may still be computing elsewhere: the entities are written last.
 */
export async function writeImportCsv(d: Dataset, dir: string, centrality: Promise<Map<string, Centrality>>): Promise<ImportFiles> {
  const labels = Object.values(d.vocabulary.kinds).map((k) => k.label);
  const types = Object.keys(d.vocabulary.relationshipTypes);
  const labelOf = new Map(Object.entries(d.vocabulary.kinds).map(([kind, k]) => [kind, S.safeIdentifier(k.label, labels)]));
  const typeOf = new Map(types.map((t) => [t, S.safeIdentifier(t, types)]));
  const { chapters, ...episode } = d.episode;
  const path = (name: string) => join(dir, name);
  const nodes: string[] = [];
  const relationships: string[] = [];
  const multiline: string[] = [];
  const write = async (list: string[], name: string, w: (file: string) => Promise<boolean>) => {
    const file = path(name);
    list.push(file);
    if (await w(file)) multiline.push(file);
  };
  const none: Props = {};

  const others = [{ key: `ep:${episode.id}`, label: 'Episode', props: compact({ ...episode }) }, ...chapters.map((c) => ({ key: `c:${c.id}`, label: 'Chapter', props: compact({ ...c }) }))];
  await write(nodes, 'others.csv', (f) => nodeFile(f, { props: others.map((o) => o.props), lead: (i) => [others[i]!.key, others[i]!.label] }));
  const factProps = d.facts.map(S.factProps);
  await write(nodes, 'facts.csv', (f) => nodeFile(f, { props: factProps, lead: (i) => [`f:${d.facts[i]!.id}`, 'Fact'] }));
  // Dated claims (seed/data/dates) as the online loader stores them: DateClaim nodes linked by HAS_DATE.
  const dateProps = d.dates.map(S.dateClaimProps);
  if (d.dates.length) await write(nodes, 'dates.csv', (f) => nodeFile(f, { props: dateProps, lead: (i) => [`d:${d.dates[i]!.id}`, 'DateClaim'] }));
  await write(nodes, 'marker.csv', (f) => nodeFile(f, { props: [{ ...IMPORTED_MARKER }], lead: () => ['dataset:seed', 'Dataset'] }));

  const relProps = d.relationships.map(S.relationshipProps);
  await write(relationships, 'relationships.csv', (f) =>
    relFile(f, { props: relProps, lead: (i) => { const r = d.relationships[i]!; return [`e:${r.source}`, `e:${r.target}`, typeOf.get(r.type) ?? S.safeIdentifier(r.type, types)]; } }),
  );
  const known = new Set(chapters.map((c) => c.id));
  const structure: [string, string, string][] = [
    ...chapters.map((c): [string, string, string] => [`ep:${episode.id}`, `c:${c.id}`, 'HAS_CHAPTER']),
    // The online loader links only chapters that exist (MATCH); so does this.
    ...d.entities.flatMap((e) => e.chapters.filter((c) => known.has(c)).map((c): [string, string, string] => [`e:${e.id}`, `c:${c}`, 'DISCUSSED_IN'])),
    ...d.facts.map((f): [string, string, string] => [`e:${f.subject}`, `f:${f.id}`, 'HAS_FACT']),
    ...d.dates.map((c): [string, string, string] => [`e:${c.entity}`, `d:${c.id}`, 'HAS_DATE']),
  ];
  await write(relationships, 'structure.csv', (f) => relFile(f, { props: structure.map(() => none), lead: (i) => structure[i]! }));

  const entityProps = d.entities.map(S.entityProps);
  const measures = await centrality;
  const withCentrality = d.entities.map((e, i) => ({ ...entityProps[i], ...centralityProps(measures.get(e.id)) }));
  await write(nodes, 'entities.csv', (f) => nodeFile(f, { props: withCentrality, lead: (i) => [`e:${d.entities[i]!.id}`, `Entity${ARRAY_DELIMITER}${labelOf.get(d.entities[i]!.kind)!}`] }));
  // Imported first all the same, as before centrality moved to another process: node ids in load order.
  nodes.unshift(nodes.pop()!);

  const emptyLists = [
    ...emptyListsOf('Entity', entityProps),
    ...emptyListsOf('Fact', factProps),
    ...emptyListsOf('DateClaim', dateProps),
    ...emptyListsOf('REL', relProps),
  ];
  return { nodes, relationships, multiline, emptyLists };
}

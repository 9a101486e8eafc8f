// CSV files for Neo4j's offline importer (`neo4j-admin database import full`), written from the same
// property builders the online loader uses (seed/statements.ts), so both paths store the same graph:
// every JS number as a float (what the driver sends), arrays typed by their values, the same labels,
// types and Dataset marker. Only for an empty store; updates always take the online path.
import { createWriteStream } from 'node:fs';
import neo4j from 'neo4j-driver';
import { join } from 'node:path';
import type { Dataset } from '../core/domain/types.js';
import { centralityProps, computeCentrality } from './centrality.js';
import { datasetHash } from './load.js';
import * as S from './statements.js';

/** Splits array properties; a control character no text in the dataset can hold (validate.ts rejects them). */
export const ARRAY_DELIMITER = '\u001f';

type Props = Record<string, unknown>;
interface NodeRow { key: string; labels: string[]; props: Props }
interface RelRow { start: string; end: string; type: string; props: Props }

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
    for (const [k, v] of Object.entries(p)) {
      const t = typeOf(v);
      // An empty list types nothing; another row's value decides (string[] when none does).
      if (!cols.has(k) || (cols.get(k) === null && t !== null)) cols.set(k, t);
    }
  return [...cols].map(([k, t]) => [k, t ?? (Array.isArray(rows.find((r) => k in r)?.[k]) ? 'string[]' : 'string')]);
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return quote(v.map((x) => String(x)).join(ARRAY_DELIMITER));
  if (typeof v === 'string') return quote(v);
  return String(v);
}

/** Lines are written in chunks of ~1 MB: one stream write per line cost more than building the lines. */
async function writeLines(file: string, header: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  let chunk = `${header}\n`;
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

async function nodeFile(file: string, rows: NodeRow[]): Promise<void> {
  const cols = columns(rows.map((r) => r.props));
  const header = [':ID', ':LABEL', ...cols.map(([k, t]) => `${k}:${t}`)].join(',');
  await writeLines(file, header, (function* () {
    for (const r of rows) yield [quote(r.key), quote(r.labels.join(ARRAY_DELIMITER)), ...cols.map(([k]) => cell(r.props[k]))].join(',');
  })());
}

async function relFile(file: string, rows: RelRow[]): Promise<void> {
  const cols = columns(rows.map((r) => r.props));
  const header = [':START_ID', ':END_ID', ':TYPE', ...cols.map(([k, t]) => `${k}:${t}`)].join(',');
  await writeLines(file, header, (function* () {
    for (const r of rows) yield [quote(r.start), quote(r.end), quote(r.type), ...cols.map(([k]) => cell(r.props[k]))].join(',');
  })());
}

const compact = (o: Props): Props => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

export interface ImportFiles {
  nodes: string[];
  relationships: string[];
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

/** Writes the dataset as importer CSVs into `dir`; `loadedAt` is the marker's time (the online path writes datetime()). */
export async function writeImportCsv(d: Dataset, dir: string, loadedAt = new Date().toISOString()): Promise<ImportFiles> {
  const labels = Object.values(d.vocabulary.kinds).map((k) => k.label);
  const types = Object.keys(d.vocabulary.relationshipTypes);
  const labelOf = new Map(Object.entries(d.vocabulary.kinds).map(([kind, k]) => [kind, S.safeIdentifier(k.label, labels)]));
  const { chapters, ...episode } = d.episode;
  const counts = { entities: d.entities.length, relationships: d.relationships.length, facts: d.facts.length };
  const files = {
    entities: join(dir, 'entities.csv'),
    others: join(dir, 'others.csv'),
    facts: join(dir, 'facts.csv'),
    domain: join(dir, 'relationships.csv'),
    structure: join(dir, 'structure.csv'),
  };
  // The same centrality the online loader stores (seed/centrality.ts), so both paths give one graph.
  const centrality = computeCentrality(d);
  await nodeFile(files.entities, d.entities.map((e) => ({ key: `e:${e.id}`, labels: ['Entity', labelOf.get(e.kind)!], props: { ...S.entityProps(e), ...centralityProps(centrality.get(e.id)) } })));
  await nodeFile(files.others, [
    { key: `ep:${episode.id}`, labels: ['Episode'], props: compact({ ...episode }) },
    ...chapters.map((c) => ({ key: `c:${c.id}`, labels: ['Chapter'], props: compact({ ...c }) })),
  ]);
  await nodeFile(files.facts, d.facts.map((f) => ({ key: `f:${f.id}`, labels: ['Fact'], props: S.factProps(f) })));
  // Dated claims (seed/data/dates) as the online loader stores them: DateClaim nodes linked by HAS_DATE.
  const dates = join(dir, 'dates.csv');
  if (d.dates.length) await nodeFile(dates, d.dates.map((c) => ({ key: `d:${c.id}`, labels: ['DateClaim'], props: S.dateClaimProps(c) })));
  // The marker has columns of its own (counts as floats, like the online markDataset).
  const marker = join(dir, 'marker.csv');
  await nodeFile(marker, [{ key: 'dataset:seed', labels: ['Dataset'], props: { id: 'seed', hash: datasetHash(d), loadedAt, ...counts } }]);
  await relFile(files.domain, d.relationships.map((r) => ({ start: `e:${r.source}`, end: `e:${r.target}`, type: S.safeIdentifier(r.type, types), props: S.relationshipProps(r) })));
  const known = new Set(chapters.map((c) => c.id));
  await relFile(files.structure, [
    ...chapters.map((c) => ({ start: `ep:${episode.id}`, end: `c:${c.id}`, type: 'HAS_CHAPTER', props: {} })),
    // The online loader links only chapters that exist (MATCH); so does this.
    ...d.entities.flatMap((e) => e.chapters.filter((c) => known.has(c)).map((c) => ({ start: `e:${e.id}`, end: `c:${c}`, type: 'DISCUSSED_IN', props: {} }))),
    ...d.facts.map((f) => ({ start: `e:${f.subject}`, end: `f:${f.id}`, type: 'HAS_FACT', props: {} })),
    ...d.dates.map((c) => ({ start: `e:${c.entity}`, end: `d:${c.id}`, type: 'HAS_DATE', props: {} })),
  ]);
  const emptyLists = [
    ...emptyListsOf('Entity', d.entities.map(S.entityProps)),
    ...emptyListsOf('Fact', d.facts.map(S.factProps)),
    ...emptyListsOf('DateClaim', d.dates.map(S.dateClaimProps)),
    ...emptyListsOf('REL', d.relationships.map(S.relationshipProps)),
  ];
  return { nodes: [files.entities, files.others, files.facts, marker, ...(d.dates.length ? [dates] : [])], relationships: [files.domain, files.structure], emptyLists };
}

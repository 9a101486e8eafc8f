// The columns of entities.csv, relationships.csv and facts.csv: ids for joining, names and labels in
// English and Chinese, and for every relationship and fact its evidence. A relationship or fact with
// several evidence items keeps one row (the row counts are the API's counts); its evidence cells hold
// the items in order, joined by EVIDENCE_SEPARATOR, and evidence_count says how many there are.
import { formatTimestamp, formatValue } from '../../core/domain/format.js';
import { youtubeUrl, type EpisodeRecord, type Evidence, type FactRecord, type Vocabulary } from '../../core/domain/types.js';
import type { EntityNode, RelationshipEdge } from '../repository/records.js';
import type { Column } from '../../core/domain/csv.js';

export const EVIDENCE_SEPARATOR = ' | ';

export interface ExportContext {
  vocabulary: Vocabulary;
  episode: EpisodeRecord | null;
  entities: Map<string, EntityNode>;
}

/**
 * Evidence as exported. Episode evidence has a second and a speaker; reference evidence (a cited public
 * page) has its own url. Read loosely so stores with either shape export.
 */
export interface EvidenceRow {
  source: string;
  second: number | null;
  timestamp: string;
  speaker: string;
  url: string;
  noteEn: string;
  noteZh: string;
}

export function evidenceRow(ctx: ExportContext, e: Evidence): EvidenceRow {
  const loose = e as Evidence & { source?: string; url?: string | null; atSeconds: number | null; speaker: string | null };
  const second = typeof loose.atSeconds === 'number' ? loose.atSeconds : null;
  const speaker = loose.speaker ? (ctx.entities.get(loose.speaker)?.name ?? loose.speaker) : '';
  const url = loose.url ?? (second !== null && ctx.episode ? youtubeUrl(ctx.episode.youtubeId, second) : '');
  return {
    source: loose.source ?? 'episode',
    second,
    timestamp: second !== null ? formatTimestamp(second) : '',
    speaker,
    url,
    noteEn: e.note,
    noteZh: e.noteZh ?? '',
  };
}

const joined = (ctx: ExportContext, list: Evidence[], pick: (r: EvidenceRow) => string | number | null) =>
  list.map((e) => String(pick(evidenceRow(ctx, e)) ?? '')).join(EVIDENCE_SEPARATOR);

/** The evidence columns shared by relationships.csv and facts.csv (`prefix` keeps them apart from an edge's source). */
function evidenceColumns<T extends { evidence: Evidence[] }>(ctx: ExportContext, prefix: string): Column<T>[] {
  const col = (name: string, pick: (r: EvidenceRow) => string | number | null): Column<T> => ({
    name: `${prefix}${name}`,
    value: (row) => joined(ctx, row.evidence, pick),
  });
  return [
    { name: 'evidence_count', value: (row) => row.evidence.length },
    col('source', (r) => r.source),
    col('second', (r) => r.second),
    col('timestamp', (r) => r.timestamp),
    col('speaker', (r) => r.speaker),
    col('url', (r) => r.url),
    col('note_en', (r) => r.noteEn),
    col('note_zh', (r) => r.noteZh),
  ];
}

const kindLabel = (ctx: ExportContext, kind: string, lang: 'en' | 'zh') => ctx.vocabulary.kinds[kind]?.[lang] ?? kind;
const nameOf = (ctx: ExportContext, id: string) => ctx.entities.get(id)?.name ?? id;
const nameZhOf = (ctx: ExportContext, id: string) => ctx.entities.get(id)?.nameZh ?? '';

export function entityColumns(ctx: ExportContext): Column<EntityNode>[] {
  const firstUrl = (e: EntityNode) => (e.firstSeconds !== null && ctx.episode ? youtubeUrl(ctx.episode.youtubeId, e.firstSeconds) : '');
  return [
    { name: 'id', value: (e) => e.id },
    { name: 'kind', value: (e) => e.kind },
    { name: 'kind_en', value: (e) => kindLabel(ctx, e.kind, 'en') },
    { name: 'kind_zh', value: (e) => kindLabel(ctx, e.kind, 'zh') },
    { name: 'name', value: (e) => e.name },
    { name: 'name_zh', value: (e) => e.nameZh },
    { name: 'aliases', value: (e) => e.aliases.join(EVIDENCE_SEPARATOR) },
    { name: 'summary_en', value: (e) => e.summaryEn },
    { name: 'summary_zh', value: (e) => e.summaryZh },
    { name: 'wikidata', value: (e) => e.wikidata },
    { name: 'founded', value: (e) => e.dates.founded },
    { name: 'released', value: (e) => e.dates.released },
    { name: 'announced', value: (e) => e.dates.announced },
    { name: 'effective', value: (e) => e.dates.effective },
    { name: 'published', value: (e) => e.dates.published },
    { name: 'first_second', value: (e) => e.firstSeconds },
    { name: 'first_timestamp', value: (e) => (e.firstSeconds !== null ? formatTimestamp(e.firstSeconds) : '') },
    { name: 'first_url', value: firstUrl },
    { name: 'chapters', value: (e) => e.chapters.join(EVIDENCE_SEPARATOR) },
    { name: 'degree', value: (e) => e.degree },
    { name: 'pagerank', value: (e) => e.centrality?.pagerank },
    { name: 'betweenness', value: (e) => e.centrality?.betweenness },
    { name: 'community', value: (e) => e.centrality?.community },
  ];
}

/** `source` and `target` are entity ids (the column names Gephi's edge import expects). */
export function relationshipColumns(ctx: ExportContext): Column<RelationshipEdge>[] {
  const type = (t: string, lang: 'en' | 'zh') => ctx.vocabulary.relationshipTypes[t]?.[lang] ?? t;
  return [
    { name: 'id', value: (r) => r.id },
    { name: 'source', value: (r) => r.source },
    { name: 'target', value: (r) => r.target },
    { name: 'type', value: (r) => r.type },
    { name: 'label_en', value: (r) => type(r.type, 'en') },
    { name: 'label_zh', value: (r) => type(r.type, 'zh') },
    { name: 'source_name', value: (r) => nameOf(ctx, r.source) },
    { name: 'source_name_zh', value: (r) => nameZhOf(ctx, r.source) },
    { name: 'target_name', value: (r) => nameOf(ctx, r.target) },
    { name: 'target_name_zh', value: (r) => nameZhOf(ctx, r.target) },
    { name: 'status', value: (r) => r.status },
    { name: 'since', value: (r) => r.since },
    { name: 'until', value: (r) => r.until },
    ...evidenceColumns<RelationshipEdge>(ctx, 'evidence_'),
  ];
}

export function factColumns(ctx: ExportContext): Column<FactRecord>[] {
  const metric = (m: string, lang: 'en' | 'zh') => ctx.vocabulary.metrics?.[m]?.[lang] ?? m;
  return [
    { name: 'id', value: (f) => f.id },
    { name: 'subject', value: (f) => f.subject },
    { name: 'subject_name', value: (f) => nameOf(ctx, f.subject) },
    { name: 'subject_name_zh', value: (f) => nameZhOf(ctx, f.subject) },
    { name: 'metric', value: (f) => f.metric },
    { name: 'metric_en', value: (f) => metric(f.metric, 'en') },
    { name: 'metric_zh', value: (f) => metric(f.metric, 'zh') },
    { name: 'value', value: (f) => f.value },
    { name: 'value_max', value: (f) => f.valueMax },
    { name: 'unit', value: (f) => f.unit },
    { name: 'unit_zh', value: (f) => (f.unit ? (ctx.vocabulary.unitsZh?.[f.unit] ?? f.unit) : '') },
    { name: 'approximate', value: (f) => f.approximate },
    { name: 'display', value: (f) => formatValue(f) },
    { name: 'as_of', value: (f) => f.asOf },
    { name: 'status', value: (f) => f.status },
    { name: 'qualifier_en', value: (f) => f.qualifier },
    { name: 'qualifier_zh', value: (f) => f.qualifierZh },
    ...evidenceColumns<FactRecord>(ctx, ''),
  ];
}

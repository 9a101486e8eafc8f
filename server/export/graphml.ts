// GraphML (http://graphml.graphdrawing.org/) with typed keys, as Gephi and Cytoscape desktop import it:
// a directed graph, one node per entity, one edge per relationship (parallel edges kept), the licence
// as a graph attribute and a comment. Attribute values are XML-escaped and stripped of the control
// characters XML 1.0 cannot carry.
import type { EpisodeRecord, FactRecord, Vocabulary } from '../../core/domain/types.js';
import type { EntityNode, RelationshipEdge } from '../repository/records.js';
import { attribution, DATA_LICENSE, DATA_LICENSE_URL } from './license.js';
import { evidenceRow, EVIDENCE_SEPARATOR, type ExportContext } from './tables.js';

type AttrType = 'string' | 'int' | 'double' | 'boolean';
interface Key<T> {
  id: string;
  name: string;
  type: AttrType;
  value: (x: T) => string | number | boolean | null | undefined;
}

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export function xmlEscape(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function nodeKeys(ctx: ExportContext, factsOf: Map<string, number>): Key<EntityNode>[] {
  const kinds = ctx.vocabulary.kinds;
  return [
    { id: 'n_label', name: 'label', type: 'string', value: (e) => e.name },
    { id: 'n_name_zh', name: 'name_zh', type: 'string', value: (e) => e.nameZh },
    { id: 'n_kind', name: 'kind', type: 'string', value: (e) => e.kind },
    { id: 'n_kind_en', name: 'kind_en', type: 'string', value: (e) => kinds[e.kind]?.en },
    { id: 'n_kind_zh', name: 'kind_zh', type: 'string', value: (e) => kinds[e.kind]?.zh },
    { id: 'n_summary_en', name: 'summary_en', type: 'string', value: (e) => e.summaryEn },
    { id: 'n_summary_zh', name: 'summary_zh', type: 'string', value: (e) => e.summaryZh },
    { id: 'n_wikidata', name: 'wikidata', type: 'string', value: (e) => e.wikidata },
    { id: 'n_first_second', name: 'first_second', type: 'int', value: (e) => e.firstSeconds },
    { id: 'n_chapters', name: 'chapters', type: 'string', value: (e) => e.chapters.join(EVIDENCE_SEPARATOR) },
    { id: 'n_facts', name: 'facts', type: 'int', value: (e) => factsOf.get(e.id) ?? 0 },
    { id: 'n_degree', name: 'degree', type: 'int', value: (e) => e.degree },
    { id: 'n_pagerank', name: 'pagerank', type: 'double', value: (e) => e.centrality?.pagerank },
    { id: 'n_betweenness', name: 'betweenness', type: 'double', value: (e) => e.centrality?.betweenness },
    { id: 'n_community', name: 'community', type: 'int', value: (e) => e.centrality?.community },
  ];
}

function edgeKeys(ctx: ExportContext, vocabulary: Vocabulary): Key<RelationshipEdge>[] {
  const first = (r: RelationshipEdge) => (r.evidence[0] ? evidenceRow(ctx, r.evidence[0]) : null);
  return [
    { id: 'e_label', name: 'label', type: 'string', value: (r) => vocabulary.relationshipTypes[r.type]?.en ?? r.type },
    { id: 'e_label_zh', name: 'label_zh', type: 'string', value: (r) => vocabulary.relationshipTypes[r.type]?.zh ?? r.type },
    { id: 'e_type', name: 'type', type: 'string', value: (r) => r.type },
    { id: 'e_status', name: 'status', type: 'string', value: (r) => r.status },
    { id: 'e_since', name: 'since', type: 'string', value: (r) => r.since },
    { id: 'e_until', name: 'until', type: 'string', value: (r) => r.until },
    { id: 'e_evidence_count', name: 'evidence_count', type: 'int', value: (r) => r.evidence.length },
    { id: 'e_source', name: 'evidence_source', type: 'string', value: (r) => first(r)?.source },
    { id: 'e_second', name: 'evidence_second', type: 'int', value: (r) => first(r)?.second },
    { id: 'e_speaker', name: 'evidence_speaker', type: 'string', value: (r) => first(r)?.speaker },
    { id: 'e_url', name: 'evidence_url', type: 'string', value: (r) => first(r)?.url },
    { id: 'e_note_en', name: 'evidence_note_en', type: 'string', value: (r) => r.evidence.map((e) => e.note).join(EVIDENCE_SEPARATOR) },
    { id: 'e_note_zh', name: 'evidence_note_zh', type: 'string', value: (r) => r.evidence.map((e) => e.noteZh ?? '').join(EVIDENCE_SEPARATOR) },
  ];
}

const keyLine = (k: { id: string; name: string; type: AttrType }, on: 'node' | 'edge' | 'graph') =>
  `  <key id="${k.id}" for="${on}" attr.name="${k.name}" attr.type="${k.type}"/>`;

function dataLines<T>(keys: Key<T>[], x: T, indent: string): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const v = k.value(x);
    if (v === null || v === undefined || v === '') continue;
    out.push(`${indent}<data key="${k.id}">${xmlEscape(String(v))}</data>`);
  }
  return out;
}

export interface GraphmlInput {
  ctx: ExportContext;
  episode: EpisodeRecord | null;
  entities: EntityNode[];
  relationships: RelationshipEdge[];
  facts: FactRecord[];
}

export function toGraphml({ ctx, episode, entities, relationships, facts }: GraphmlInput): string {
  const factsOf = new Map<string, number>();
  for (const f of facts) factsOf.set(f.subject, (factsOf.get(f.subject) ?? 0) + 1);
  const nk = nodeKeys(ctx, factsOf);
  const ek = edgeKeys(ctx, ctx.vocabulary);
  const graphKeys = [
    { id: 'g_license', name: 'license', type: 'string' as const },
    { id: 'g_attribution', name: 'attribution', type: 'string' as const },
  ];
  const credit = attribution(episode);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // An XML comment may not contain "--" (and needs no escaping otherwise).
    `<!-- AI Industry Graph data, ${DATA_LICENSE} (${DATA_LICENSE_URL}). ${credit.replace(NOT_XML, '').replace(/--/g, '- -')} See /export/LICENSE.txt -->`,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...graphKeys.map((k) => keyLine(k, 'graph')),
    ...nk.map((k) => keyLine(k, 'node')),
    ...ek.map((k) => keyLine(k, 'edge')),
    '  <graph id="ai-industry-graph" edgedefault="directed">',
    `    <data key="g_license">${xmlEscape(`${DATA_LICENSE} ${DATA_LICENSE_URL}`)}</data>`,
    `    <data key="g_attribution">${xmlEscape(credit)}</data>`,
  ];
  for (const e of entities) lines.push(`    <node id="${xmlEscape(e.id)}">`, ...dataLines(nk, e, '      '), '    </node>');
  for (const r of relationships)
    lines.push(
      `    <edge id="${xmlEscape(r.id)}" source="${xmlEscape(r.source)}" target="${xmlEscape(r.target)}">`,
      ...dataLines(ek, r, '      '),
      '    </edge>',
    );
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

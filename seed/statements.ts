// Pure Cypher builders for the loader: each returns {cypher, params}. Labels and relationship
// types are spliced in only after checking them against the vocabulary (identifiers cannot be parameters).
import type { CypherStatement } from '../server/db/executor.js';
import type { Dataset, EntityRecord, Evidence, FactRecord, RelationshipRecord } from '../server/domain/types.js';

const IDENT = /^[A-Z][A-Za-z_]*$/;

export function safeIdentifier(name: string, allowed: Iterable<string>): string {
  const set = new Set(allowed);
  if (!set.has(name) || !IDENT.test(name)) throw new Error(`"${name}" is not an allowed label or relationship type`);
  return name;
}

function evidenceProps(evidence: Evidence[]): Record<string, unknown> {
  return {
    evidenceChapter: evidence.map((e) => e.chapter),
    evidenceAt: evidence.map((e) => e.atSeconds),
    evidenceSpeaker: evidence.map((e) => e.speaker),
    evidenceNote: evidence.map((e) => e.note),
  };
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

export function entityProps(e: EntityRecord): Record<string, unknown> {
  return compact({
    id: e.id,
    kind: e.kind,
    name: e.name,
    nameZh: e.nameZh,
    aliases: e.aliases,
    aliasesText: e.aliases.join(' | '),
    summaryEn: e.summaryEn,
    summaryZh: e.summaryZh,
    wikidata: e.wikidata,
    ...e.dates,
    firstSeconds: e.firstSeconds,
    chapters: e.chapters,
  });
}

export function relationshipProps(r: RelationshipRecord): Record<string, unknown> {
  return compact({ id: r.id, status: r.status, since: r.since, until: r.until, ...evidenceProps(r.evidence) });
}

export function factProps(f: FactRecord): Record<string, unknown> {
  return compact({
    id: f.id,
    subject: f.subject,
    metric: f.metric,
    value: f.value,
    valueMax: f.valueMax,
    unit: f.unit,
    approximate: f.approximate,
    asOf: f.asOf,
    status: f.status,
    qualifier: f.qualifier,
    ...evidenceProps(f.evidence),
  });
}

export function wipeAll(): CypherStatement {
  return { cypher: 'MATCH (n) DETACH DELETE n', params: {} };
}

export function upsertEpisode(d: Dataset): CypherStatement[] {
  const { chapters, ...episode } = d.episode;
  return [
    {
      cypher: `MERGE (ep:Episode {id: $episode.id}) SET ep = $episode
WITH ep
UNWIND $chapters AS c
MERGE (ch:Chapter {id: c.id}) SET ch = c
MERGE (ep)-[:HAS_CHAPTER]->(ch)`,
      params: { episode: compact({ ...episode }), chapters: chapters.map((c) => compact({ ...c })) },
    },
    {
      cypher: 'MATCH (ch:Chapter) WHERE NOT ch.id IN $ids DETACH DELETE ch',
      params: { ids: chapters.map((c) => c.id) },
    },
    { cypher: 'MATCH (ep:Episode) WHERE ep.id <> $id DETACH DELETE ep', params: { id: episode.id } },
  ];
}

export function upsertEntities(label: string, allLabels: string[], rows: Record<string, unknown>[]): CypherStatement {
  const others = allLabels.filter((l) => l !== label);
  const remove = others.length ? `\nREMOVE e:${others.join(':')}` : '';
  return {
    cypher: `UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e = row
SET e:${label}${remove}`,
    params: { rows },
  };
}

export function pruneEntities(ids: string[]): CypherStatement {
  return { cypher: 'MATCH (e:Entity) WHERE NOT e.id IN $ids DETACH DELETE e', params: { ids } };
}

export function upsertRelationships(type: string, rows: { source: string; target: string; props: Record<string, unknown> }[]): CypherStatement {
  return {
    cypher: `UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:${type} {id: row.props.id}]->(b)
SET r = row.props`,
    params: { rows },
  };
}

export function pruneRelationships(ids: string[]): CypherStatement {
  return {
    cypher: 'MATCH (:Entity)-[r]->(:Entity) WHERE NOT r.id IN $ids DELETE r',
    params: { ids },
  };
}

export function upsertFacts(rows: Record<string, unknown>[]): CypherStatement {
  return {
    cypher: `UNWIND $rows AS row
MATCH (e:Entity {id: row.subject})
MERGE (f:Fact {id: row.id})
SET f = row
MERGE (e)-[:HAS_FACT]->(f)`,
    params: { rows },
  };
}

export function pruneFacts(facts: FactRecord[]): CypherStatement[] {
  return [
    { cypher: 'MATCH (f:Fact) WHERE NOT f.id IN $ids DETACH DELETE f', params: { ids: facts.map((f) => f.id) } },
    // A fact whose subject changed keeps only its new owner.
    { cypher: 'MATCH (e:Entity)-[h:HAS_FACT]->(f:Fact) WHERE e.id <> f.subject DELETE h', params: {} },
  ];
}

export function unlinkChapters(): CypherStatement {
  return { cypher: 'MATCH (:Entity)-[d:DISCUSSED_IN]->(:Chapter) DELETE d', params: {} };
}

export function linkChapters(rows: { id: string; chapter: string }[]): CypherStatement {
  return {
    cypher: `UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
MATCH (c:Chapter {id: row.chapter})
MERGE (e)-[:DISCUSSED_IN]->(c)`,
    params: { rows },
  };
}

export function markDataset(hash: string, counts: Record<string, number>): CypherStatement {
  return {
    cypher: `MERGE (d:Dataset {id: 'seed'})
SET d.hash = $hash, d.loadedAt = toString(datetime()), d.entities = $counts.entities,
    d.relationships = $counts.relationships, d.facts = $counts.facts`,
    params: { hash, counts },
  };
}

export interface CypherStatementWithLabel extends CypherStatement {
  label: string;
  rows?: number;
}

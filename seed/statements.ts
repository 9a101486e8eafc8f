// Pure Cypher builders for the loader: each returns {cypher, params}. Labels and relationship
// types are spliced in only after checking them against the vocabulary (identifiers cannot be parameters).
import neo4j from 'neo4j-driver';
import type { CypherStatement } from '../core/db/executor.js';
import type { Dataset, DateClaimRecord, EntityRecord, Evidence, FactRecord, RelationshipRecord } from '../core/domain/types.js';

const IDENT = /^[A-Z][A-Za-z_]*$/;

export function safeIdentifier(name: string, allowed: Iterable<string>): string {
  const set = new Set(allowed);
  if (!set.has(name) || !IDENT.test(name)) throw new Error(`"${name}" is not an allowed label or relationship type`);
  return name;
}

/**
 * Evidence as parallel lists (Neo4j properties hold no maps and no nulls in lists): a reference item
 * has chapter '', second -1 and speaker ''; url and publisher lists are written only when some item cites a page.
 */
export function evidenceProps(evidence: Evidence[]): Record<string, unknown> {
  const cites = evidence.some((e) => e.source === 'reference');
  return {
    evidenceSource: evidence.map((e) => e.source),
    evidenceChapter: evidence.map((e) => e.chapter),
    evidenceAt: evidence.map((e) => e.atSeconds ?? -1),
    evidenceSpeaker: evidence.map((e) => e.speaker ?? ''),
    evidenceNote: evidence.map((e) => e.note),
    evidenceNoteZh: evidence.map((e) => e.noteZh ?? ''),
    evidenceUrl: cites ? evidence.map((e) => e.url ?? '') : null,
    evidencePublisher: cites ? evidence.map((e) => e.publisher ?? '') : null,
  };
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  // A loop, not fromEntries(entries().filter()): the bulk path builds 650k of these at 100k/500k.
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = o[k];
    if (v !== null && v !== undefined) out[k] = v;
  }
  return out;
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
    qualifierZh: f.qualifierZh,
    // One kind of evidence per fact (the validator's rule): stored for the `source` filter.
    source: f.evidence[0]?.source ?? 'episode',
    ...evidenceProps(f.evidence),
  });
}

export function dateClaimProps(c: DateClaimRecord): Record<string, unknown> {
  return compact({ id: c.id, entity: c.entity, key: c.key, value: c.value, source: c.source, ...evidenceProps(c.evidence) });
}

/** Date claims hang off their entity (HAS_DATE); DateClaim nodes are not entities and count in no degree. */
export function upsertDateClaims(mode: WriteMode, rows: Record<string, unknown>[]): CypherStatement {
  const write =
    mode === 'create'
      ? 'CREATE (d:DateClaim)\nSET d = row\nCREATE (e)-[:HAS_DATE]->(d)'
      : 'MERGE (d:DateClaim {id: row.id})\nSET d = row\nMERGE (e)-[:HAS_DATE]->(d)';
  return { cypher: `UNWIND $rows AS row\nMATCH (e:Entity {id: row.entity})\n${write}`, params: { rows } };
}

export function pruneDateClaims(claims: DateClaimRecord[], limit?: number): CypherStatement[] {
  return [
    limited('MATCH (d:DateClaim) WHERE NOT d.id IN $ids', 'DETACH DELETE d', { ids: claims.map((c) => c.id) }, limit),
    limited('MATCH (e:Entity)-[h:HAS_DATE]->(d:DateClaim) WHERE e.id <> d.entity', 'DELETE h', {}, limit),
  ];
}

/** Inside the load's one transaction; a batched load wipes with wipeInBatches first. */
export function wipeAll(): CypherStatement {
  return { cypher: 'MATCH (n) DETACH DELETE n', params: {} };
}

/**
 * A wipe in bounded transactions: relationships first, so no batch of nodes drags along the thousands
 * of relationships of a hub (a chapter of a 100k graph has ~7,000): both statements repeat until done.
 */
export function wipeInBatches(limit: number): CypherStatement[] {
  return [limited('MATCH ()-[r]->()', 'DELETE r', {}, limit), limited('MATCH (n)', 'DELETE n', {}, limit)];
}

export function countNodes(): CypherStatement {
  return { cypher: 'MATCH (n) RETURN count(n) AS n', params: {} };
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

/** How rows are written: MERGE updates a graph in place; CREATE is for an empty store (no existence checks). */
export type WriteMode = 'merge' | 'create';

export interface EntityRow {
  /** The kind's label, already checked against the vocabulary. */
  label: string;
  /** Every other kind's label: an entity whose kind changed loses its old one. */
  others: string[];
  props: Record<string, unknown>;
}

// Labels and types are dynamic ($(...), Neo4j 5.26+) so that one query text serves every kind and
// type: 55 distinct statements became 6, and each is planned once instead of once per kind or type.
// The values still come only from the vocabulary (safeIdentifier), never from user input.
export function upsertEntities(mode: WriteMode, rows: EntityRow[]): CypherStatement {
  const write =
    mode === 'create'
      ? 'CREATE (e:Entity)\nSET e = row.props, e:$(row.label)'
      : 'MERGE (e:Entity {id: row.props.id})\nSET e = row.props, e:$(row.label)\nREMOVE e:$(row.others)\nWITH e\nCALL (e) { MATCH (e)-[d:DISCUSSED_IN]->(:Chapter) DELETE d }';
  // The chapter links ride along with their entity: no second pass re-sending every entity id.
  return {
    cypher: `UNWIND $rows AS row
${write}
WITH e
CALL (e) { UNWIND e.chapters AS chapterId MATCH (c:Chapter {id: chapterId}) CREATE (e)-[:DISCUSSED_IN]->(c) }`,
    params: { rows },
  };
}

/**
 * With a limit, a prune deletes at most that many and returns how many it deleted, so a batched load can
 * repeat it in small transactions until nothing is left (a batched load must never need a big one).
 */
const neo4jInt = (n: number) => neo4j.int(n);

function limited(match: string, del: string, params: Record<string, unknown>, limit?: number): CypherStatement {
  return limit
    ? { cypher: `${match}\nWITH * LIMIT $limit\n${del}\nRETURN count(*) AS deleted`, params: { ...params, limit: neo4jInt(limit) } }
    : { cypher: `${match}\n${del}`, params };
}

export function pruneEntities(ids: string[], limit?: number): CypherStatement {
  return limited('MATCH (e:Entity) WHERE NOT e.id IN $ids', 'DETACH DELETE e', { ids }, limit);
}

export interface RelationshipRow {
  source: string;
  target: string;
  /** Checked against the vocabulary's relationship types. */
  type: string;
  props: Record<string, unknown>;
}

export function upsertRelationships(mode: WriteMode, rows: RelationshipRow[]): CypherStatement {
  const write = mode === 'create' ? 'CREATE (a)-[r:$(row.type)]->(b)' : 'MERGE (a)-[r:$(row.type) {id: row.props.id}]->(b)';
  return {
    cypher: `UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
${write}
SET r = row.props`,
    params: { rows },
  };
}

export function pruneRelationships(ids: string[], limit?: number): CypherStatement {
  return limited('MATCH (:Entity)-[r]->(:Entity) WHERE NOT r.id IN $ids', 'DELETE r', { ids }, limit);
}

export function upsertFacts(mode: WriteMode, rows: Record<string, unknown>[]): CypherStatement {
  const write = mode === 'create' ? 'CREATE (f:Fact)\nSET f = row\nCREATE (e)-[:HAS_FACT]->(f)' : 'MERGE (f:Fact {id: row.id})\nSET f = row\nMERGE (e)-[:HAS_FACT]->(f)';
  return {
    cypher: `UNWIND $rows AS row
MATCH (e:Entity {id: row.subject})
${write}`,
    params: { rows },
  };
}

export function pruneFacts(facts: FactRecord[], limit?: number): CypherStatement[] {
  return [
    limited('MATCH (f:Fact) WHERE NOT f.id IN $ids', 'DETACH DELETE f', { ids: facts.map((f) => f.id) }, limit),
    // A fact whose subject changed keeps only its new owner.
    limited('MATCH (e:Entity)-[h:HAS_FACT]->(f:Fact) WHERE e.id <> f.subject', 'DELETE h', {}, limit),
  ];
}

/** Is there anything to update? An empty store takes the CREATE statements. */
export function countEntities(): CypherStatement {
  return { cypher: 'MATCH (e:Entity) RETURN count(e) AS n', params: {} };
}

export interface CypherStatementWithLabel extends CypherStatement {
  label: string;
  rows?: number;
}

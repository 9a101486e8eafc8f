// An entity with its facts and relationships (and the relationships' other ends) in one statement: the
// entity page used to cost three transactions in series (the entity, then facts and relationships, then
// the ends), each a round trip and a Bolt session. The stored dataset fingerprint comes along, so the
// request can use answers cached for that dataset (graphql/datasetCache.ts) without another lookup.
import type { CypherStatement, Executor } from '../../core/db/executor.js';
import { FINISHED_DATASET_HASH } from '../../core/db/graphState.js';
import type { FactRecord } from '../../core/domain/types.js';
import { entityProjection, entityProjectionFor, relationshipProjectionFor, toEntity, toFact, toRelationship, type EntityNode, type RelationshipEdge } from './records.js';

export interface EntityDetailWanted {
  facts: boolean;
  relationships: boolean;
  /** Fields selected on the relationships (null: all). */
  relationshipFields: Set<string> | null;
  /** Fields selected on the relationships' ends (null: all). */
  endFields: Set<string> | null;
}

export interface EntityDetail {
  entity: EntityNode;
  /** The stored dataset's fingerprint; null while a load runs or when there is no marker. */
  hash: string | null;
  facts: FactRecord[] | null;
  relationships: RelationshipEdge[] | null;
  /** The other ends of the relationships, projected for endFields. */
  ends: EntityNode[];
}

export function entityDetailQuery(id: string, want: EntityDetailWanted): CypherStatement {
  const facts = want.facts
    ? `CALL (e) { OPTIONAL MATCH (e)-[:HAS_FACT]->(f:Fact) WITH f ORDER BY f.metric, f.id RETURN collect(f {.*}) AS facts }`
    : 'WITH *, null AS facts';
  // Same order as relationshipsOfEntities; a self-loop appears twice there too.
  const rels = want.relationships
    ? `CALL (e) {
  OPTIONAL MATCH (e)-[r]-(o:Entity)
  WITH r, o ORDER BY type(r), r.id
  RETURN collect(${relationshipProjectionFor(want.relationshipFields)}) AS rels, [x IN collect(DISTINCT o) | ${entityProjectionFor(want.endFields, 'x')}] AS ends
}`
    : 'WITH *, null AS rels, [] AS ends';
  return {
    cypher: `MATCH (e:Entity {id: $id})
${FINISHED_DATASET_HASH}
${facts}
${rels}
RETURN ${entityProjection()} AS e, hash, facts, rels, ends`,
    params: { id },
  };
}

export async function entityDetail(db: Executor, id: string, want: EntityDetailWanted): Promise<EntityDetail | null> {
  const [row] = await db.read(entityDetailQuery(id, want));
  if (!row) return null;
  return {
    entity: toEntity(row.e as Record<string, unknown>),
    hash: (row.hash as string | null) ?? null,
    facts: row.facts ? (row.facts as Record<string, unknown>[]).map(toFact) : null,
    relationships: row.rels ? (row.rels as Record<string, unknown>[]).map(toRelationship) : null,
    ends: (row.ends as Record<string, unknown>[]).map(toEntity),
  };
}

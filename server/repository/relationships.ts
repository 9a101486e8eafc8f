import type { CypherStatement, Executor } from '../../core/db/executor.js';
import { relationshipProjection, toRelationship, type RelationshipEdge } from './records.js';

/** Every domain relationship touching each of the given entities, in one round trip. */
export function relationshipsOfEntitiesQuery(ids: readonly string[]): CypherStatement {
  return {
    cypher: `UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (e)-[r]-(:Entity)
WITH id, r ORDER BY type(r), r.id
RETURN id, collect(${relationshipProjection()}) AS rels`,
    params: { ids: [...ids] },
  };
}

export async function relationshipsOfEntities(db: Executor, ids: readonly string[]): Promise<Map<string, RelationshipEdge[]>> {
  const rows = await db.read(relationshipsOfEntitiesQuery(ids));
  return new Map(rows.map((r) => [String(r.id), (r.rels as Record<string, unknown>[]).map(toRelationship)]));
}

export async function relationshipsByIds(db: Executor, ids: readonly string[]): Promise<Map<string, RelationshipEdge>> {
  const rows = await db.read({
    cypher: `UNWIND $ids AS id MATCH (:Entity)-[r {id: id}]->(:Entity) RETURN ${relationshipProjection()} AS r`,
    params: { ids: [...ids] },
  });
  return new Map(rows.map((row) => toRelationship(row.r as Record<string, unknown>)).map((r) => [r.id, r]));
}

export async function relationshipTypeCounts(db: Executor): Promise<Map<string, number>> {
  const rows = await db.read({
    cypher: 'MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS t, count(*) AS n',
    params: {},
  });
  return new Map(rows.map((r) => [String(r.t), Number(r.n)]));
}

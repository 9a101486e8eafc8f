// LIMIT and list slices need Cypher integers; plain JS numbers travel as floats.
import neo4j from 'neo4j-driver';
import type { CypherStatement, Executor } from '../../core/db/executor.js';
import { entityProjection, toEntity, type EntityNode } from './records.js';

export function entitiesByIdsQuery(ids: readonly string[]): CypherStatement {
  return {
    cypher: `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN ${entityProjection()} AS e`,
    params: { ids: [...ids] },
  };
}

export async function entitiesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, EntityNode>> {
  const rows = await db.read(entitiesByIdsQuery(ids));
  return new Map(rows.map((r) => toEntity(r.e as Record<string, unknown>)).map((e) => [e.id, e]));
}

/** Keyset pagination by id: stable under inserts, and the cursor is just the last id. */
export function listEntitiesQuery(kind: string | null, first: number, after: string | null): CypherStatement {
  return {
    cypher: `MATCH (e:Entity)
WHERE ($kind IS NULL OR e.kind = $kind) AND ($after IS NULL OR e.id > $after)
WITH e ORDER BY e.id LIMIT $limit
RETURN ${entityProjection()} AS e`,
    params: { kind, after, limit: neo4j.int(first + 1) },
  };
}

export async function listEntities(
  db: Executor,
  kind: string | null,
  first: number,
  after: string | null,
): Promise<{ items: EntityNode[]; hasNextPage: boolean }> {
  const rows = await db.read(listEntitiesQuery(kind, first, after));
  const items = rows.map((r) => toEntity(r.e as Record<string, unknown>));
  return { items: items.slice(0, first), hasNextPage: items.length > first };
}

export async function countEntities(db: Executor, kind: string | null): Promise<number> {
  const [row] = await db.read({
    cypher: 'MATCH (e:Entity) WHERE $kind IS NULL OR e.kind = $kind RETURN count(e) AS n',
    params: { kind },
  });
  return Number(row?.n ?? 0);
}

export async function entitiesInChapters(db: Executor, chapterIds: readonly string[]): Promise<Map<string, EntityNode[]>> {
  const rows = await db.read({
    cypher: `UNWIND $ids AS cid
MATCH (e:Entity)-[:DISCUSSED_IN]->(:Chapter {id: cid})
WITH cid, e ORDER BY coalesce(e.firstSeconds, 1e9), e.id
RETURN cid, collect(${entityProjection()}) AS entities`,
    params: { ids: [...chapterIds] },
  });
  return new Map(rows.map((r) => [String(r.cid), (r.entities as Record<string, unknown>[]).map(toEntity)]));
}

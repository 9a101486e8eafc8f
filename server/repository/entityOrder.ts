// entities(orderBy: PAGERANK | BETWEENNESS): keyset pagination over a stored score, descending, ties by id.
// The score property comes from a fixed map (a property name cannot be a parameter); an entity without
// the score (a store loaded before centrality existed) sorts last, as -1.
import neo4j from 'neo4j-driver';
import type { CypherStatement, Executor } from '../../core/db/executor.js';
import { entityProjection, toEntity, type EntityNode } from './records.js';

export type ScoreOrder = 'PAGERANK' | 'BETWEENNESS';
const SCORE_PROPERTY: Record<ScoreOrder, string> = { PAGERANK: 'pagerank', BETWEENNESS: 'betweenness' };

/** Where the previous page ended: its last entity's score and id. */
export interface ScoreCursor {
  score: number;
  id: string;
}

export const scoreOf = (order: ScoreOrder, e: EntityNode): number =>
  (order === 'PAGERANK' ? e.centrality?.pagerank : e.centrality?.betweenness) ?? -1;

export function listEntitiesByScoreQuery(order: ScoreOrder, kind: string | null, first: number, after: ScoreCursor | null): CypherStatement {
  const prop = SCORE_PROPERTY[order];
  if (!prop) throw new Error(`unknown entity order ${String(order)}`);
  return {
    cypher: `MATCH (e:Entity)
WHERE $kind IS NULL OR e.kind = $kind
WITH e, coalesce(e.${prop}, -1.0) AS score
WHERE $after IS NULL OR score < $after.score OR (score = $after.score AND e.id > $after.id)
WITH e, score ORDER BY score DESC, e.id LIMIT $limit
RETURN ${entityProjection()} AS e`,
    params: { kind, after, limit: neo4j.int(first + 1) },
  };
}

export async function listEntitiesByScore(
  db: Executor,
  order: ScoreOrder,
  kind: string | null,
  first: number,
  after: ScoreCursor | null,
): Promise<{ items: EntityNode[]; hasNextPage: boolean }> {
  const rows = await db.read(listEntitiesByScoreQuery(order, kind, first, after));
  const items = rows.map((r) => toEntity(r.e as Record<string, unknown>));
  return { items: items.slice(0, first), hasNextPage: items.length > first };
}

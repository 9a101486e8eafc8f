// LIMIT and list slices need Cypher integers; plain JS numbers travel as floats.
import neo4j from 'neo4j-driver';
import type { Executor } from '../db/executor.js';
import { buildLuceneQuery } from './luceneQuery.js';
import { entityProjection, toEntity, type EntityNode } from './records.js';

export interface SearchResult {
  entity: EntityNode;
  score: number;
}

/**
 * Full-text search, then an exact-match bonus so that typing a full name or alias ("R1", "台积电")
 * ranks that entity first even when the analyzer scores a longer name similarly.
 */
export async function searchEntities(db: Executor, text: string, kinds: string[], first: number): Promise<SearchResult[]> {
  const lucene = buildLuceneQuery(text);
  const exact = text.normalize('NFKC').trim().toLowerCase();
  const rows = await db.read({
    cypher: `CALL () {
  WITH 1 AS one WHERE $lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $pool}) YIELD node, score
  RETURN node AS e, score
  UNION
  MATCH (e:Entity)
  WHERE size($exact) > 0 AND (toLower(e.name) CONTAINS $exact OR e.nameZh CONTAINS $exact OR e.id = $exact)
  RETURN e, 0.5 AS score
}
WITH e, max(score) AS score
WHERE size($kinds) = 0 OR e.kind IN $kinds
WITH e, score + CASE
  WHEN toLower(e.name) = $exact OR e.id = $exact OR toLower(coalesce(e.nameZh, '')) = $exact THEN 100.0
  WHEN any(a IN e.aliases WHERE toLower(a) = $exact) THEN 50.0
  WHEN toLower(e.name) STARTS WITH $exact THEN 20.0 * size($exact) / size(e.name)
  ELSE 0.0 END AS score
RETURN ${entityProjection()} AS e, score
ORDER BY score DESC, e.degree DESC, e.id
LIMIT $first`,
    params: { lucene, exact, kinds, first: neo4j.int(first), pool: neo4j.int(Math.max(50, first * 5)) },
  });
  return rows.map((r) => ({ entity: toEntity(r.e as Record<string, unknown>), score: Number(r.score) }));
}

// One chapter's part of the graph, for the guided tour: the relationships with evidence in that
// chapter, their ends, and the step's focus entities even when no relationship of theirs is evidenced there.
import type { CypherStatement, Executor } from '../db/executor.js';
import type { SubgraphResult } from './graph.js';
import { entityProjection, relationshipProjection, toEntity, toRelationship } from './records.js';

export function chapterGraphQuery(chapterId: string, focus: string[], allowedTypes: readonly string[]): CypherStatement {
  // Types only from the vocabulary allowlist: they cannot be parameters in a pattern.
  const types = allowedTypes.filter((t) => /^[A-Z_]+$/.test(t)).join('|');
  return {
    cypher: `OPTIONAL MATCH (a:Entity)-[r:${types}]->(b:Entity)
WHERE $chapter IN r.evidenceChapter
WITH collect(r) AS rs, collect(a) + collect(b) AS ends
OPTIONAL MATCH (f:Entity) WHERE f.id IN $focus
WITH rs, ends, collect(f) AS focus
UNWIND ends + focus AS n
WITH rs, collect(DISTINCT n) AS ns
RETURN [e IN ns | ${entityProjection('e')}] AS nodes, [r IN rs | ${relationshipProjection('r')}] AS edges`,
    params: { chapter: chapterId, focus },
  };
}

export async function chapterGraph(db: Executor, chapterId: string, focus: string[], allowedTypes: readonly string[]): Promise<SubgraphResult> {
  const rows = await db.read(chapterGraphQuery(chapterId, focus, allowedTypes));
  const row = rows[0];
  return {
    nodes: ((row?.nodes ?? []) as Record<string, unknown>[]).map(toEntity),
    edges: ((row?.edges ?? []) as Record<string, unknown>[]).map(toRelationship),
    truncated: false,
  };
}

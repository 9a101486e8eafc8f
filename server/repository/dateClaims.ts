// Date claims (seed/data/dates): each entity's dated claims, the episode's and the cited pages', apart.
import type { Executor } from '../db/executor.js';
import type { DateClaimRecord } from '../domain/types.js';
import { toDateClaim } from './records.js';

export async function dateClaimsOfEntities(db: Executor, ids: readonly string[]): Promise<Map<string, DateClaimRecord[]>> {
  const rows = await db.read({
    cypher: `UNWIND $ids AS id
MATCH (:Entity {id: id})-[:HAS_DATE]->(d:DateClaim)
WITH id, d ORDER BY d.key, d.source
RETURN id, collect(d {.*}) AS claims`,
    params: { ids: [...ids] },
  });
  return new Map(rows.map((r) => [String(r.id), (r.claims as Record<string, unknown>[]).map(toDateClaim)]));
}

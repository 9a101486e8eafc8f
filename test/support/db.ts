// Test helpers around the one real Neo4j of the run.
import { inject } from 'vitest';
import { createExecutor, type Executor } from '../../core/db/executor.js';
import { applySchema } from '../../core/db/schema.js';
import type { Dataset } from '../../core/domain/types.js';
import { readDataset } from '../../seed/dataset.js';
import { loadDataset } from '../../seed/load.js';

export function testExecutor(queryTimeoutMs = 10_000): Executor {
  return createExecutor(inject('neo4j'), { queryTimeoutMs });
}

let cached: Dataset | null = null;
export function realDataset(): Dataset {
  if (cached) return cached;
  const r = readDataset();
  if (!r.ok) throw new Error(`seed/data is invalid: ${r.errors.length} errors`);
  return (cached = r.dataset);
}

/** Puts exactly the real dataset in the database (idempotent; files that mutate call it in afterAll too). */
export async function withRealDataset(db: Executor): Promise<void> {
  await applySchema(db);
  await loadDataset(db, realDataset(), { reset: true });
}

/** Everything a write could change, for before/after comparisons. */
export async function fingerprint(db: Executor): Promise<Record<string, unknown>> {
  const [row] = await db.read({
    cypher: `CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
CALL () { MATCH (n) UNWIND labels(n) AS l RETURN count(l) AS labels }
CALL () { MATCH (n) UNWIND keys(n) AS k RETURN count(k) AS nodeProps }
CALL () { MATCH ()-[r]->() UNWIND keys(r) AS k RETURN count(k) AS relProps }
CALL () { MATCH (n:Entity) WITH n ORDER BY n.id RETURN collect(n.name)[..5] AS sample, sum(size(n.name)) AS nameChars }
RETURN nodes, rels, labels, nodeProps, relProps, sample, nameChars`,
    params: {},
  });
  // SHOW cannot run inside a subquery; schema changes are counted separately.
  const indexes = await db.read({ cypher: 'SHOW INDEXES YIELD name RETURN count(name) AS indexes', params: {} });
  const constraints = await db.read({ cypher: 'SHOW CONSTRAINTS YIELD name RETURN count(name) AS constraints', params: {} });
  return { ...row, ...indexes[0], ...constraints[0] };
}

// LIMIT and list slices need Cypher integers; plain JS numbers travel as floats.
import neo4j from 'neo4j-driver';
import type { EvidenceSource, FactRecord } from '../domain/types.js';
import type { Executor } from '../db/executor.js';
import { toFact } from './records.js';

export async function factsOfEntities(db: Executor, ids: readonly string[]): Promise<Map<string, FactRecord[]>> {
  const rows = await db.read({
    cypher: `UNWIND $ids AS id
MATCH (e:Entity {id: id})-[:HAS_FACT]->(f:Fact)
WITH id, f ORDER BY f.metric, f.id
RETURN id, collect(f {.*}) AS facts`,
    params: { ids: [...ids] },
  });
  return new Map(rows.map((r) => [String(r.id), (r.facts as Record<string, unknown>[]).map(toFact)]));
}

export async function findFacts(
  db: Executor,
  filter: { metric: string | null; subject: string | null; source?: EvidenceSource | null; first: number },
): Promise<FactRecord[]> {
  // A fact stored before sources existed has none: it is the episode's.
  const rows = await db.read({
    cypher: `MATCH (f:Fact)
WHERE ($metric IS NULL OR f.metric = $metric) AND ($subject IS NULL OR f.subject = $subject)
  AND ($source IS NULL OR coalesce(f.source, 'episode') = $source)
RETURN f {.*} AS f ORDER BY f.metric, f.value DESC, f.id LIMIT $first`,
    params: { metric: filter.metric, subject: filter.subject, source: filter.source ?? null, first: neo4j.int(filter.first) },
  });
  return rows.map((r) => toFact(r.f as Record<string, unknown>));
}

export interface MetricFacts {
  metric: string;
  units: string[];
  facts: FactRecord[];
}

export async function metricsWithFacts(db: Executor, minEntities: number): Promise<MetricFacts[]> {
  const rows = await db.read({
    cypher: `MATCH (f:Fact)
WITH f.metric AS metric, collect(f {.*}) AS facts, count(DISTINCT f.subject) AS subjects
WHERE subjects >= $min
RETURN metric, facts ORDER BY size(facts) DESC, metric`,
    params: { min: minEntities },
  });
  return rows.map((r) => {
    const facts = (r.facts as Record<string, unknown>[]).map(toFact).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    return { metric: String(r.metric), units: [...new Set(facts.map((f) => f.unit ?? ''))], facts };
  });
}

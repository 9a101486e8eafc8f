// Counts, and the one owner of the Dataset marker node (the last load's hash): written by the loader,
// read by /health, the stats query, start-up and (as a subquery of their own statements) the cached
// answers. Nothing else names the marker.
import type { CypherStatement, Executor } from './executor.js';

export interface GraphStats {
  entities: number;
  relationships: number;
  facts: number;
  byKind: Record<string, number>;
  byType: Record<string, number>;
}

export async function graphStats(db: Executor): Promise<GraphStats> {
  const [row] = await db.read({
    cypher: `CALL () { MATCH (e:Entity) WITH e.kind AS k, count(*) AS n RETURN collect({k: k, n: n}) AS kinds }
CALL () { MATCH (:Entity)-[r]->(:Entity) WITH type(r) AS t, count(*) AS n RETURN collect({t: t, n: n}) AS types }
CALL () { MATCH (f:Fact) RETURN count(f) AS facts }
RETURN kinds, types, facts`,
    params: {},
  });
  const kinds = (row?.kinds ?? []) as { k: string; n: number }[];
  const types = (row?.types ?? []) as { t: string; n: number }[];
  const sortDesc = (o: [string, number][]) => Object.fromEntries(o.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return {
    entities: kinds.reduce((s, k) => s + k.n, 0),
    relationships: types.reduce((s, t) => s + t.n, 0),
    facts: Number(row?.facts ?? 0),
    byKind: sortDesc(kinds.map((k) => [k.k, k.n])),
    byType: sortDesc(types.map((t) => [t.t, t.n])),
  };
}

export interface StoredDataset {
  /** The hash of the last dataset loaded to the end; null when none was (or one is being loaded). */
  hash: string | null;
  /** Set while a load that commits batch by batch runs, and left behind if it was interrupted. */
  loading: string | null;
}

export async function storedDataset(db: Executor): Promise<StoredDataset> {
  const rows = await db.read({ cypher: "MATCH (d:Dataset {id: 'seed'}) RETURN d.hash AS hash, d.loading AS loading", params: {} });
  return { hash: (rows[0]?.hash as string | undefined) ?? null, loading: (rows[0]?.loading as string | undefined) ?? null };
}

/**
 * A subquery for a statement of its own: `hash`, the stored hash of a load that finished, or null while
 * one runs or without a marker. Read in the same statement, it says exactly which dataset the rest came from.
 */
export const FINISHED_DATASET_HASH = "CALL () { OPTIONAL MATCH (d:Dataset {id: 'seed'}) RETURN CASE WHEN d.loading IS NULL THEN d.hash END AS hash }";

export async function storedDatasetHash(db: Executor): Promise<string | null> {
  return (await storedDataset(db)).hash;
}

/**
 * A load that commits batch by batch first records that it started and forgets the previous hash:
 * if it is interrupted, the stored hash no longer matches any dataset and the next start reloads.
 */
export function markLoading(hash: string): CypherStatement {
  return {
    cypher: `MERGE (d:Dataset {id: 'seed'})
SET d.hash = null, d.loading = $hash, d.loadStartedAt = toString(datetime())`,
    params: { hash },
  };
}

export function markDataset(hash: string, counts: Record<string, number>): CypherStatement {
  return {
    cypher: `MERGE (d:Dataset {id: 'seed'})
SET d.hash = $hash, d.loading = null, d.loadStartedAt = null, d.loadedAt = toString(datetime()), d.entities = $counts.entities,
    d.relationships = $counts.relationships, d.facts = $counts.facts`,
    params: { hash, counts },
  };
}

/** Forgets the last load, so the next start loads the files again (the benchmarks load other datasets). */
export function forgetDataset(): CypherStatement {
  return { cypher: "MATCH (d:Dataset {id: 'seed'}) DELETE d", params: {} };
}

// LIMIT and list slices need Cypher integers; plain JS numbers travel as floats.
import neo4j from 'neo4j-driver';
// Subgraph queries: neighborhood, shortest path, the whole (filtered) graph.
// Variable-length bounds cannot be Cypher parameters, so depth and maxLength are validated integers
// spliced in; relationship types are spliced in only from the vocabulary allowlist.
import type { CypherStatement, Executor } from '../../core/db/executor.js';
import { BadInputError } from './inputError.js';
import { entityProjectionFor, relationshipProjectionFor, toEntity, toRelationship, type EntityNode, type RelationshipEdge } from './records.js';

/** The node and edge fields a query selects (graphql/selection.ts); null means all of them. */
export interface SubgraphFields {
  node: Set<string> | null;
  edge: Set<string> | null;
}
const ALL: SubgraphFields = { node: null, edge: null };

export interface SubgraphResult {
  nodes: EntityNode[];
  edges: RelationshipEdge[];
  truncated: boolean;
}

function boundedInt(v: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(v) || v < min || v > max) throw new BadInputError(`${name} must be a whole number from ${min} to ${max}`);
  return v;
}

function typePattern(types: string[], allowed: readonly string[]): string {
  const set = new Set(allowed);
  const chosen = (types.length ? types : allowed).filter((t) => set.has(t) && /^[A-Z_]+$/.test(t));
  return chosen.join('|');
}

function toSubgraph(row: Record<string, unknown> | undefined, truncated = false): SubgraphResult {
  const nodes = ((row?.nodes ?? []) as Record<string, unknown>[]).map(toEntity);
  const edges = ((row?.edges ?? []) as Record<string, unknown>[]).map(toRelationship);
  return { nodes, edges, truncated: truncated || row?.truncated === true };
}

export function neighborhoodQuery(
  id: string,
  opts: { depth: number; kinds: string[]; types: string[]; limit: number },
  allowedTypes: readonly string[],
  fields: SubgraphFields = ALL,
): CypherStatement {
  const depth = boundedInt(opts.depth, 1, 3, 'depth');
  const types = typePattern(opts.types, allowedTypes);
  return {
    cypher: `MATCH (c:Entity {id: $id})
OPTIONAL MATCH p = (c)-[:${types}*1..${depth}]-(n:Entity)
WHERE n <> c AND all(x IN nodes(p)[1..] WHERE size($kinds) = 0 OR x.kind IN $kinds)
WITH c, n, min(length(p)) AS hops
ORDER BY hops, n.id
WITH c, collect(n) AS found
WITH c, found[..$limit] AS ns, size(found) > $limit AS truncated
WITH truncated, [c] + ns AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:${types}]->(b:Entity)
  WHERE b IN nodes
  RETURN collect(${relationshipProjectionFor(fields.edge)}) AS edges
}
RETURN [e IN nodes | ${entityProjectionFor(fields.node)}] AS nodes, edges, truncated`,
    params: { id, kinds: opts.kinds, limit: neo4j.int(opts.limit) },
  };
}

export async function neighborhood(
  db: Executor,
  id: string,
  opts: { depth: number; kinds: string[]; types: string[]; limit: number },
  allowedTypes: readonly string[],
  fields: SubgraphFields = ALL,
): Promise<SubgraphResult | null> {
  const rows = await db.read(neighborhoodQuery(id, opts, allowedTypes, fields));
  return rows.length ? toSubgraph(rows[0]) : null;
}

export function shortestPathQuery(from: string, to: string, maxLength: number, allowedTypes: readonly string[], fields: SubgraphFields = ALL): CypherStatement {
  const max = boundedInt(maxLength, 1, 10, 'maxLength');
  return {
    cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:${typePattern([], allowedTypes)}*..${max}]-(b))
RETURN [e IN nodes(p) | ${entityProjectionFor(fields.node)}] AS nodes, [r IN relationships(p) | ${relationshipProjectionFor(fields.edge)}] AS edges`,
    params: { from, to },
  };
}

export async function shortestPath(
  db: Executor,
  from: string,
  to: string,
  maxLength: number,
  allowedTypes: readonly string[],
  fields: SubgraphFields = ALL,
): Promise<SubgraphResult | null> {
  if (from === to) {
    const rows = await db.read({ cypher: `MATCH (e:Entity {id: $id}) RETURN [${entityProjectionFor(fields.node)}] AS nodes, [] AS edges`, params: { id: from } });
    return rows.length ? toSubgraph(rows[0]) : null;
  }
  const rows = await db.read(shortestPathQuery(from, to, maxLength, allowedTypes, fields));
  return rows.length ? toSubgraph(rows[0]) : null;
}

/**
 * An entity exists "as of" a date when its earliest known date is not after it (undated ones always do).
 * A graph larger than the limit keeps its most connected entities (ties by id), which is what an
 * overview of it shows first; the answer lists them in id order either way.
 */
export function wholeGraphQuery(
  opts: { kinds: string[]; types: string[]; asOf: string | null; limit: number },
  allowedTypes: readonly string[],
  fields: SubgraphFields = ALL,
): CypherStatement {
  const types = typePattern(opts.types, allowedTypes);
  const nodeFilter = (v: string) => `(size($kinds) = 0 OR ${v}.kind IN $kinds)
  AND ($asOf IS NULL OR coalesce(${v}.founded, ${v}.announced, ${v}.released, ${v}.effective, ${v}.published, ${v}.opened, '') <= $asOf)`;
  return {
    cypher: `MATCH (e:Entity)
WHERE ${nodeFilter('e')}
WITH e, COUNT { (e)--(:Entity) } AS links ORDER BY links DESC, e.id
WITH collect(e) AS ranked
WITH ranked[..$limit] AS kept, size(ranked) > $limit AS truncated
CALL (kept) {
  UNWIND kept AS k
  WITH k ORDER BY k.id
  RETURN collect(k) AS ns
}
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r:${types}]->(b:Entity)
  WHERE ${nodeFilter('b')}
    AND ($asOf IS NULL OR (coalesce(r.since, '') <= $asOf AND (r.until IS NULL OR r.until >= $asOf)))
  RETURN collect(${relationshipProjectionFor(fields.edge)}) AS edges
}
RETURN [e IN ns | ${entityProjectionFor(fields.node)}] AS nodes, edges, truncated`,
    params: { kinds: opts.kinds, asOf: opts.asOf, limit: neo4j.int(opts.limit) },
  };
}

/** How many nodes the graph query returns when no limit is given. */
export const DEFAULT_GRAPH_LIMIT = 5000;

export async function wholeGraph(
  db: Executor,
  opts: { kinds: string[]; types: string[]; asOf: string | null; limit: number },
  allowedTypes: readonly string[],
  fields: SubgraphFields = ALL,
): Promise<SubgraphResult> {
  const rows = await db.read(wholeGraphQuery(opts, allowedTypes, fields));
  const sub = toSubgraph(rows[0]);
  // With a limit, an edge may point at a node that was cut: keep only edges inside the result.
  if (sub.truncated) {
    const ids = new Set(sub.nodes.map((n) => n.id));
    sub.edges = sub.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  }
  return sub;
}

// "Who is central": PageRank, betweenness and a Louvain community per entity, computed from the
// dataset in memory while it loads (graphology), then written on the Entity nodes with everything else.
//
// How, so the numbers can be checked and reproduced:
// - The graph is the entities and their relationships only (no chapters, no facts), taken as
//   UNDIRECTED: the vocabulary's directions are grammar ("NVIDIA DESIGNS H800" but "model TRAINED_ON
//   H800"), not a flow of importance, so a directed walk would reward how a type happens to be worded.
// - Several relationships between one pair (e.g. SUPPLIES and PARTNERS_WITH) collapse into one edge
//   whose weight is how many there are. Self-loops are dropped.
// - PageRank: weighted by that count, damping 0.85, tolerance 1e-10; an entity with no relationship
//   spreads its share evenly (graphology's dangling handling), so the values sum to 1 over all entities.
// - Betweenness: unweighted (hops, like the API's shortestPath, which ignores direction), normalised
//   as in networkx: the share of shortest paths between pairs of OTHER entities passing through this
//   one, 0..1. It is O(entities × relationships): above BETWEENNESS_MAX_ENTITIES it is left out (null).
// - Louvain: weighted by the count, resolution 1, a fixed-seed PRNG (mulberry32, seed 459). Communities are
//   renumbered so that 0 is the largest, ties broken by the smallest member id.
// - Nodes are added in id order and edges in the order of their ends' ids, so the result depends on the
//   data, not on file order.
import { UndirectedGraph } from 'graphology';
import neo4j from 'neo4j-driver';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import louvainModule from 'graphology-communities-louvain';
import { prng } from '../core/domain/prng.js';

/** What the measures read of a dataset: entity ids and relationship ends (a Dataset is one). */
export interface CentralitySource {
  entities: readonly { id: string }[];
  relationships: readonly { source: string; target: string }[];
}

// These packages are CommonJS (module.exports = fn) with `export default` typings: under NodeNext
// TypeScript sees the namespace, Node hands over the function itself. Take whichever is there.
const cjs = <T>(m: { default: T }): T => (m as unknown as { default?: T }).default ?? (m as unknown as T);
const pagerank = cjs(pagerankModule);
const betweennessCentrality = cjs(betweennessModule);
const louvain = cjs(louvainModule);

export interface Centrality {
  pagerank: number;
  /** Null when the graph is too large for an exact betweenness at load time. */
  betweenness: number | null;
  community: number;
}

export const PAGERANK_DAMPING = 0.85;
export const LOUVAIN_SEED = 459;
export const BETWEENNESS_MAX_ENTITIES = 5_000;
/** Bumped whenever the method above changes, so a store loaded with the old one is reloaded. */
export const CENTRALITY_VERSION = 'centrality-2';

/** The undirected, weighted graph the three measures run on, and the entity id behind each node. */
export interface CentralityGraph {
  /** Node keys are the entities' positions in `ids` ("0", "1", ...), not their ids: see below. */
  graph: UndirectedGraph;
  ids: string[];
}

export function centralityGraph(d: CentralitySource): CentralityGraph {
  const g = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  // The array sort without a comparator orders strings by UTF-16 code units, and is many
  // times faster on 100k ids.
  const ids = d.entities.map((e) => e.id).sort();
  // Keyed by position: graphology keeps each node's neighbours in a plain object keyed by node key, and
  // V8 stores index-like keys as elements, which made building the graph 2-3x faster at 100k/500k
  // (string keys: ~5 s alone). Iteration orders are unchanged: nodes go in id order either way, and each
  // node's neighbours arrive in ascending position (the edge order below), which is the elements order.
  for (let i = 0; i < ids.length; i++) g.addNode(String(i));
  const index = new Map(ids.map((id, i) => [id, i]));
  // Each pair of entities once, keyed by a number over node indexes (a × n + b, a < b), edges added in
  // that numeric order: it depends on the data only, and needs no sort of the relationships' ids.
  const n = ids.length;
  const weights = new Map<number, number>();
  for (const r of d.relationships) {
    const s = index.get(r.source);
    const t = index.get(r.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = s < t ? s * n + t : t * n + s;
    weights.set(key, (weights.get(key) ?? 0) + 1);
  }
  const keys = Float64Array.from(weights.keys()).sort();
  let edge = 0;
  for (const key of keys) g.addEdgeWithKey(String(edge++), String(Math.floor(key / n)), String(key % n), { weight: weights.get(key)! });
  return { graph: g, ids };
}

/**
 * Community numbers in a stable order: 0 is the largest community, ties go to the smallest member id.
 * `raw` is keyed by node position, and positions follow the ids' order, so the smallest position is the smallest id.
 */
function renumber(raw: Record<string, number>, n: number): number[] {
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = raw[String(i)]!;
    if (!members.has(c)) members.set(c, []);
    members.get(c)!.push(i);
  }
  const ordered = [...members.values()].sort((x, y) => y.length - x.length || x[0]! - y[0]!);
  const out = new Array<number>(n).fill(0);
  ordered.forEach((positions, c) => positions.forEach((i) => (out[i] = c)));
  return out;
}

export function computeCentrality(d: CentralitySource): Map<string, Centrality> {
  const out = new Map<string, Centrality>();
  const { graph: g, ids } = centralityGraph(d);
  if (g.order === 0) return out;
  const pr = pagerank(g, { alpha: PAGERANK_DAMPING, getEdgeWeight: 'weight', tolerance: 1e-10, maxIterations: 1000 });
  const bc = g.order <= BETWEENNESS_MAX_ENTITIES ? betweennessCentrality(g, { getEdgeWeight: null, normalized: true }) : null;
  const communities = renumber(louvain(g, { getEdgeWeight: 'weight', rng: prng(LOUVAIN_SEED), resolution: 1 }), ids.length);
  ids.forEach((id, i) => {
    const key = String(i);
    out.set(id, { pagerank: pr[key] ?? 0, betweenness: bc ? (bc[key] ?? 0) : null, community: communities[i] ?? 0 });
  });
  return out;
}

/** The properties the loader writes on each Entity node (absent ones are not written). */
export function centralityProps(c: Centrality | undefined): Record<string, unknown> {
  if (!c) return {};
  // The community is an integer in Neo4j too (a JS number would be stored as a float).
  const props: Record<string, unknown> = { pagerank: c.pagerank, community: neo4j.int(c.community) };
  if (c.betweenness !== null) props.betweenness = c.betweenness;
  return props;
}

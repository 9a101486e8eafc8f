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

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The undirected, weighted graph the three measures run on. */
export function centralityGraph(d: CentralitySource): UndirectedGraph {
  const g = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  // The array sort without a comparator orders strings by UTF-16 code units, as byId does, and is many
  // times faster on 100k ids.
  const nodes = d.entities.map((e) => e.id).sort();
  for (const id of nodes) g.addNode(id);
  const index = new Map(nodes.map((id, i) => [id, i]));
  // Each pair of entities once, keyed by a number over node indexes (a × n + b, a < b), edges added in
  // that numeric order: it depends on the data only, and needs no sort of the relationships' ids.
  const n = nodes.length;
  const weights = new Map<number, number>();
  for (const r of d.relationships) {
    const s = index.get(r.source);
    const t = index.get(r.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = s < t ? s * n + t : t * n + s;
    weights.set(key, (weights.get(key) ?? 0) + 1);
  }
  const keys = Float64Array.from(weights.keys()).sort();
  for (const key of keys) g.addEdge(nodes[Math.floor(key / n)]!, nodes[key % n]!, { weight: weights.get(key)! });
  return g;
}

/** Community numbers in a stable order: 0 is the largest community, ties go to the smallest member id. */
function renumber(raw: Record<string, number>): Map<string, number> {
  const members = new Map<number, string[]>();
  for (const id of Object.keys(raw).sort(byId)) {
    const c = raw[id]!;
    if (!members.has(c)) members.set(c, []);
    members.get(c)!.push(id);
  }
  const ordered = [...members.values()].sort((a, b) => b.length - a.length || byId(a[0]!, b[0]!));
  const out = new Map<string, number>();
  ordered.forEach((ids, i) => ids.forEach((id) => out.set(id, i)));
  return out;
}

export function computeCentrality(d: CentralitySource): Map<string, Centrality> {
  const out = new Map<string, Centrality>();
  const g = centralityGraph(d);
  if (g.order === 0) return out;
  const pr = pagerank(g, { alpha: PAGERANK_DAMPING, getEdgeWeight: 'weight', tolerance: 1e-10, maxIterations: 1000 });
  const bc = g.order <= BETWEENNESS_MAX_ENTITIES ? betweennessCentrality(g, { getEdgeWeight: null, normalized: true }) : null;
  const communities = renumber(louvain(g, { getEdgeWeight: 'weight', rng: prng(LOUVAIN_SEED), resolution: 1 }));
  g.forEachNode((id) => {
    out.set(id, { pagerank: pr[id] ?? 0, betweenness: bc ? (bc[id] ?? 0) : null, community: communities.get(id) ?? 0 });
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

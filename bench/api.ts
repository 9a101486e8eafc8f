// API benchmark: autocannon against POST /graphql with the explorer's own operations, and in the same
// run the same Cypher through the raw driver (the floor). The floor replays exactly the statements the
// API issued for each request, recorded from the repository code through an in-process Apollo server,
// in the same waves (statements DataLoader sends together run together), so the ratio is the cost
// of HTTP + GraphQL + resolvers + mapping on top of the database work, not a different query.
import neo4j from 'neo4j-driver';
import { GRAPH, NEIGHBORHOOD, SEARCH, SHORTEST_PATH } from '../client/src/queries.js';
import { BENCH_ENTITY } from './operations.js';
import type { CypherStatement, Executor } from '../core/db/executor.js';
import type { Dataset } from '../core/domain/types.js';
import { createContext } from '../server/graphql/context.js';
import { datasetCacheFor } from '../server/graphql/datasetCache.js';
import { createApolloServer } from '../server/graphql/server.js';
import type { Neo4jConnection } from '../core/neo4j/types.js';
import { prng } from '../core/domain/prng.js';
import { SYNTHETIC_SEARCH_TEXTS } from './synthetic.js';
import { floorDriver } from './floors.js';
import { runApi, runBestSide, runFloor, side, type RoundSamples, type SideResult } from './apiRunners.js';
import { heapSampler } from './lib/neo4j.js';
import { rssSampler } from './lib/proc.js';
import { median, mib, round } from './lib/stats.js';

export type OpName = 'search' | 'entity' | 'neighborhood2' | 'shortestPath' | 'graph';
export const OPS: OpName[] = ['search', 'entity', 'neighborhood2', 'shortestPath', 'graph'];

/**
 * The explorer's first view without `positions`: those are the server's cached layout, which no Cypher
 * statement can return, so the floor could not hold them.
 */
export const GRAPH_NO_POSITIONS = GRAPH.replace(/\n\s*positions \{ id x y \}/, '');

export interface Operation {
  name: OpName;
  query: string;
  variants: Record<string, unknown>[];
}

const REAL_SEARCH_TEXTS = ['nvidia', '台积电', 'deepseek', 'export controls', 'h800', 'stargate', 'openai o1', 'tsmc', 'llama', 'xai', '英伟达', 'colossus'];
const VARIANTS = 16;

/** Undirected adjacency, for choosing ends that really are connected. */
function adjacency(d: Dataset): Map<string, string[]> {
  const adj = new Map<string, string[]>();
  for (const r of d.relationships) {
    (adj.get(r.source) ?? adj.set(r.source, []).get(r.source)!).push(r.target);
    (adj.get(r.target) ?? adj.set(r.target, []).get(r.target)!).push(r.source);
  }
  return adj;
}

function atDistance(adj: Map<string, string[]>, from: string, wanted: number): string[] {
  let frontier = [from];
  const seen = new Set(frontier);
  for (let depth = 0; depth < wanted && frontier.length; depth++) {
    const next: string[] = [];
    for (const n of frontier)
      for (const m of adj.get(n) ?? []) {
        if (seen.has(m)) continue;
        seen.add(m);
        next.push(m);
      }
    frontier = next;
  }
  return frontier.sort();
}

/** The same requests every run: ids and pairs are drawn with a fixed seed from connected entities. */
export function workload(d: Dataset, synthetic: boolean): Operation[] {
  const rand = prng(7);
  const adj = adjacency(d);
  const connected = d.entities.map((e) => e.id).filter((id) => adj.has(id)).sort();
  const ids = Array.from({ length: VARIANTS }, () => connected[Math.floor(rand() * connected.length)]!);
  const pairs: { from: string; to: string }[] = [];
  for (let attempt = 0; pairs.length < VARIANTS && attempt < 1000; attempt++) {
    const from = connected[Math.floor(rand() * connected.length)]!;
    const far = atDistance(adj, from, 3);
    const candidates = far.length ? far : atDistance(adj, from, 2);
    if (candidates.length) pairs.push({ from, to: candidates[Math.floor(rand() * candidates.length)]! });
  }
  const texts = synthetic ? SYNTHETIC_SEARCH_TEXTS : REAL_SEARCH_TEXTS;
  return [
    { name: 'search', query: SEARCH, variants: texts.map((text) => ({ text, first: 10 })) },
    { name: 'entity', query: BENCH_ENTITY, variants: ids.map((id) => ({ id })) },
    { name: 'neighborhood2', query: NEIGHBORHOOD, variants: ids.map((id) => ({ id, depth: 2 })) },
    { name: 'shortestPath', query: SHORTEST_PATH, variants: pairs },
    { name: 'graph', query: GRAPH_NO_POSITIONS, variants: [{}] },
  ];
}

export type Plan = CypherStatement[][];

/**
 * Runs each request once through Apollo in-process, on the repositories and DataLoaders the server
 * uses, and records the statements it sends. A statement issued before the previous ones finished
 * belongs to the same wave (DataLoader batches of one tick), so the floor can run waves in parallel.
 */
export async function recordPlans(db: Executor, d: Dataset, ops: Operation[]): Promise<Map<OpName, Plan[]>> {
  const apollo = createApolloServer(d.vocabulary);
  await apollo.start();
  const plans = new Map<OpName, Plan[]>();
  try {
    for (const op of ops) {
      const list: Plan[] = [];
      for (const variables of op.variants) {
        let completed = 0;
        const recorded: { stmt: CypherStatement; wave: number }[] = [];
        const recording: Executor = {
          ...db,
          read: async (stmt, opts) => {
            recorded.push({ stmt, wave: completed });
            try {
              return await db.read(stmt, opts);
            } finally {
              completed++;
            }
          },
        };
        // The server's own dataset cache (one per server, as in http/app.ts), so the recorded statements are what a warm server sends.
        const res = await apollo.executeOperation({ query: op.query, variables }, { contextValue: createContext({ db: recording, vocabulary: d.vocabulary, cache: datasetCacheFor(db) }) });
        const body = res.body.kind === 'single' ? res.body.singleResult : null;
        if (!body || body.errors?.length) throw new Error(`${op.name} ${JSON.stringify(variables)} failed in-process: ${JSON.stringify(body?.errors ?? 'incremental')}`);
        const waves = new Map<number, CypherStatement[]>();
        for (const r of recorded) (waves.get(r.wave) ?? waves.set(r.wave, []).get(r.wave)!).push(r.stmt);
        list.push([...waves.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s));
      }
      plans.set(op.name, list);
    }
  } finally {
    await apollo.stop();
  }
  return plans;
}


export interface OpResult {
  op: OpName;
  concurrency: number;
  statementsPerRequest: number;
  wavesPerRequest: number;
  api: SideResult;
  /** The replay: the API's own statements through the raw driver. */
  floor: SideResult;
  /** The best hand-written single statement (bench/floors.ts). */
  best?: SideResult;
  /** The API with every answer computed (no answer cache: `Cache-Control: no-cache`). */
  computed?: SideResult;
  /** computed p50 / best p50, pooled and per round. */
  computedBestP50Ratio?: number;
  computedBestP50RatioPerRound?: number[];
  /** api p50 / replay p50 over all rounds pooled. */
  p50Ratio: number;
  /** The same ratio per round: how much it moved with the machine's noise. */
  p50RatioPerRound: number[];
  /** api p50 / best-Cypher p50, pooled and per round. */
  bestP50Ratio?: number;
  bestP50RatioPerRound?: number[];
  serverRssPeakMiB: number;
}

export interface ApiScaleResult {
  scale: string;
  entities: number;
  relationships: number;
  neo4j: { heap: string; pageCache: string };
  results: OpResult[];
  serverRssIdleMiB: number;
  serverRssPeakMiB: number;
  serverRssMedianUnderLoadMiB: number;
  /** The server's own account (process.memoryUsage) at its highest RSS: V8 heap vs buffers vs the rest. */
  serverMemoryAtPeakMiB: Record<string, number> | null;
  neo4jPeakHeapMiB: number;
}

export interface ApiOptions {
  concurrencies: number[];
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  /** Only these operations (BENCH_OPS), to keep a run short on a shared machine. */
  ops?: OpName[];
  log: (m: string) => void;
}

export async function benchApi(
  scale: string,
  d: Dataset,
  synthetic: boolean,
  db: Executor,
  monitor: Executor,
  connection: Neo4jConnection,
  neo: { heap: string; pageCache: string },
  server: { url: string; pid: number; memory(): NodeJS.MemoryUsage[] },
  opts: ApiOptions,
): Promise<ApiScaleResult> {
  const ops = workload(d, synthetic).filter((o) => !opts.ops?.length || opts.ops.includes(o.name));
  const plans = await recordPlans(db, d, ops);
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    maxConnectionPoolSize: 50,
    logging: { level: 'error', logger: () => undefined },
  });
  const bestDriver = floorDriver(connection);
  const rss = rssSampler(server.pid, 200);
  const idle = rss.stop();
  const allRss: number[] = [];
  const heap = heapSampler(monitor, 1000);
  const results: OpResult[] = [];
  try {
    for (const op of ops) {
      const opPlans = plans.get(op.name)!;
      // The JVM compiles Cypher and Bolt paths lazily: a first request can be 5× slower than the
      // hundredth. Both sides are warmed up the same way before anything is measured.
      await runFloor(driver, opPlans, 8, opts.warmupSeconds);
      await runBestSide(bestDriver, op, d.vocabulary, 8, opts.warmupSeconds);
      await runApi(server.url, op, 8, opts.warmupSeconds, true);
      await runApi(server.url, op, 8, opts.warmupSeconds);
      for (const c of opts.concurrencies) {
        const floorRounds: RoundSamples[] = [];
        const bestRounds: RoundSamples[] = [];
        const apiRounds: RoundSamples[] = [];
        const computedRounds: RoundSamples[] = [];
        const perRound: number[] = [];
        const bestPerRound: number[] = [];
        const computedPerRound: number[] = [];
        const sampler = rssSampler(server.pid, 200);
        const sides = ['best', 'api', 'floor', 'computed'] as const;
        for (let r = 0; r < opts.rounds; r++) {
          // Rotating which side goes first cancels a slow drift in the machine's load.
          const order = sides.map((_, i) => sides[(i + r) % sides.length]!);
          let f: RoundSamples | null = null;
          let b: RoundSamples | null = null;
          let a: RoundSamples | null = null;
          let k: RoundSamples | null = null;
          for (const which of order) {
            if (which === 'floor') f = await runFloor(driver, opPlans, c, opts.roundSeconds);
            else if (which === 'best') b = await runBestSide(bestDriver, op, d.vocabulary, c, opts.roundSeconds);
            else if (which === 'computed') k = await runApi(server.url, op, c, opts.roundSeconds, true);
            else a = await runApi(server.url, op, c, opts.roundSeconds);
          }
          floorRounds.push(f!);
          bestRounds.push(b!);
          apiRounds.push(a!);
          computedRounds.push(k!);
          perRound.push(round(median(a!.latencies) / median(f!.latencies), 2));
          bestPerRound.push(round(median(a!.latencies) / median(b!.latencies), 2));
          computedPerRound.push(round(median(k!.latencies) / median(b!.latencies), 2));
        }
        const samples = sampler.stop();
        allRss.push(...samples);
        const api = side(apiRounds);
        const floor = side(floorRounds);
        const best = side(bestRounds);
        const computed = side(computedRounds);
        const result: OpResult = {
          op: op.name,
          concurrency: c,
          statementsPerRequest: round(opPlans.reduce((s, p) => s + p.flat().length, 0) / opPlans.length, 1),
          wavesPerRequest: round(opPlans.reduce((s, p) => s + p.length, 0) / opPlans.length, 1),
          api,
          floor,
          best,
          p50Ratio: round(api.p50 / floor.p50, 2),
          p50RatioPerRound: perRound,
          bestP50Ratio: round(api.p50 / best.p50, 2),
          bestP50RatioPerRound: bestPerRound,
          computed,
          computedBestP50Ratio: round(computed.p50 / best.p50, 2),
          computedBestP50RatioPerRound: computedPerRound,
          serverRssPeakMiB: mib(Math.max(...samples)),
        };
        results.push(result);
        opts.log(
          `  ${scale} ${op.name} c=${c}: api p50 ${api.p50} ms p99 ${api.p99} ms ${api.requestsPerSecond} req/s err ${api.errors} | replay p50 ${floor.p50} ms ${floor.requestsPerSecond} req/s | best p50 ${best.p50} ms ${best.requestsPerSecond} req/s err ${best.errors} | api/best ${result.bestP50Ratio} ${JSON.stringify(bestPerRound)} computed p50 ${computed.p50} ms computed/best ${result.computedBestP50Ratio} api/replay ${result.p50Ratio} ${JSON.stringify(perRound)} | rss ${result.serverRssPeakMiB} MiB`,
        );
      }
    }
  } finally {
    await driver.close();
    await bestDriver.close();
  }
  const sortedRss = [...allRss].sort((a, b) => a - b);
  const reported = server.memory();
  const peak = reported.reduce<NodeJS.MemoryUsage | null>((best, m) => (!best || m.rss > best.rss ? m : best), null);
  return {
    scale,
    entities: d.entities.length,
    relationships: d.relationships.length,
    neo4j: { heap: neo.heap, pageCache: neo.pageCache },
    results,
    serverRssIdleMiB: mib(Math.max(...idle)),
    serverRssPeakMiB: mib(sortedRss.at(-1) ?? NaN),
    serverRssMedianUnderLoadMiB: mib(sortedRss[Math.floor(sortedRss.length / 2)] ?? NaN),
    serverMemoryAtPeakMiB: peak ? Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, mib(v)])) : null,
    neo4jPeakHeapMiB: await heap.stop(),
  };
}

// API benchmark: autocannon against POST /graphql with the explorer's own operations, and in the same
// run the same Cypher through the raw driver (the floor). The floor replays exactly the statements the
// API issued for each request, recorded from the repository code through an in-process Apollo server,
// in the same waves (statements DataLoader sends together run together), so the ratio is the cost
// of HTTP + GraphQL + resolvers + mapping on top of the database work, not a different query.
import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import { ENTITY, NEIGHBORHOOD, SEARCH, SHORTEST_PATH } from '../client/src/queries.js';
import type { CypherStatement, Executor } from '../core/db/executor.js';
import type { Dataset } from '../core/domain/types.js';
import { createContext } from '../server/graphql/context.js';
import { createApolloServer } from '../server/graphql/server.js';
import type { Neo4jConnection } from '../core/neo4j/types.js';
import { prng } from '../core/domain/prng.js';
import { SYNTHETIC_SEARCH_TEXTS } from './synthetic.js';
import { heapSampler } from './lib/neo4j.js';
import { rssSampler } from './lib/proc.js';
import { median, mib, round, summarize } from './lib/stats.js';

export type OpName = 'search' | 'entity' | 'neighborhood2' | 'shortestPath';
export const OPS: OpName[] = ['search', 'entity', 'neighborhood2', 'shortestPath'];

interface Operation {
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
    { name: 'entity', query: ENTITY, variants: ids.map((id) => ({ id })) },
    { name: 'neighborhood2', query: NEIGHBORHOOD, variants: ids.map((id) => ({ id, depth: 2 })) },
    { name: 'shortestPath', query: SHORTEST_PATH, variants: pairs },
  ];
}

type Plan = CypherStatement[][];

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
        const res = await apollo.executeOperation({ query: op.query, variables }, { contextValue: createContext({ db: recording, vocabulary: d.vocabulary }) });
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

export interface SideResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  meanResponseKiB?: number;
}

interface RoundSamples {
  latencies: number[];
  requests: number;
  seconds: number;
  errors: number;
  bytes: number;
}

/** The floor: the recorded statements through the raw driver, one request after another per worker. */
async function runFloor(driver: Driver, plans: Plan[], concurrency: number, seconds: number): Promise<RoundSamples> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  const worker = async () => {
    // Bounded by time, and by count in case the clock misbehaves.
    for (let i = 0; i < 10_000_000 && performance.now() < deadline; i++) {
      const plan = plans[next++ % plans.length]!;
      const t = performance.now();
      try {
        for (const wave of plan)
          await Promise.all(
            wave.map((st) => driver.executeQuery(st.cypher, st.params, { routing: neo4j.routing.READ, bookmarkManager: null })),
          );
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, requests: latencies.length + errors, seconds: (performance.now() - t0) / 1000, errors, bytes: 0 };
}

/** The API: autocannon over keep-alive connections; latencies kept raw (its histogram rounds to 1 ms). */
async function runApi(url: string, op: Operation, concurrency: number, seconds: number): Promise<RoundSamples> {
  const bodies = op.variants.map((variables) => JSON.stringify({ query: op.query, variables }));
  let i = 0;
  const latencies: number[] = [];
  let bytes = 0;
  const instance = autocannon({
    url: `${url}/graphql`,
    connections: concurrency,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length]! }),
      },
    ],
    // GraphQL reports failures with status 200 and an errors array: those count as errors too.
    verifyBody: (body) => body.startsWith('{"data"') && !body.includes('"errors":['),
  });
  instance.on('response', (_client: unknown, status: number, resBytes: number, ms: number) => {
    if (status < 300) {
      latencies.push(ms);
      bytes += resBytes;
    }
  });
  const r = await instance;
  const errors = r.errors + r.timeouts + r.non2xx + r.mismatches;
  return { latencies, requests: latencies.length + r.errors + r.timeouts + r.non2xx, seconds: r.duration, errors, bytes };
}

function side(rounds: RoundSamples[]): SideResult {
  const all = rounds.flatMap((r) => r.latencies);
  const s = summarize(all);
  const requests = rounds.reduce((a, r) => a + r.requests, 0);
  const seconds = rounds.reduce((a, r) => a + r.seconds, 0);
  const bytes = rounds.reduce((a, r) => a + r.bytes, 0);
  return {
    requests,
    seconds: round(seconds, 1),
    requestsPerSecond: round(requests / seconds, 1),
    p50: round(s.p50, 2),
    p90: round(s.p90, 2),
    p99: round(s.p99, 2),
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    ...(bytes ? { meanResponseKiB: round(bytes / Math.max(1, all.length) / 1024, 1) } : {}),
  };
}

export interface OpResult {
  op: OpName;
  concurrency: number;
  statementsPerRequest: number;
  wavesPerRequest: number;
  api: SideResult;
  floor: SideResult;
  /** api p50 / floor p50 over all rounds pooled. */
  p50Ratio: number;
  /** The same ratio per round: how much it moved with the machine's noise. */
  p50RatioPerRound: number[];
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
  const ops = workload(d, synthetic);
  const plans = await recordPlans(db, d, ops);
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    maxConnectionPoolSize: 50,
    logging: { level: 'error', logger: () => undefined },
  });
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
      await runApi(server.url, op, 8, opts.warmupSeconds);
      for (const c of opts.concurrencies) {
        const floorRounds: RoundSamples[] = [];
        const apiRounds: RoundSamples[] = [];
        const perRound: number[] = [];
        const sampler = rssSampler(server.pid, 200);
        for (let r = 0; r < opts.rounds; r++) {
          // Alternating which side goes first cancels a slow drift in the machine's load.
          const order = r % 2 === 0 ? (['floor', 'api'] as const) : (['api', 'floor'] as const);
          let f: RoundSamples | null = null;
          let a: RoundSamples | null = null;
          for (const which of order) {
            if (which === 'floor') f = await runFloor(driver, opPlans, c, opts.roundSeconds);
            else a = await runApi(server.url, op, c, opts.roundSeconds);
          }
          floorRounds.push(f!);
          apiRounds.push(a!);
          perRound.push(round(median(a!.latencies) / median(f!.latencies), 2));
        }
        const samples = sampler.stop();
        allRss.push(...samples);
        const api = side(apiRounds);
        const floor = side(floorRounds);
        const result: OpResult = {
          op: op.name,
          concurrency: c,
          statementsPerRequest: round(opPlans.reduce((s, p) => s + p.flat().length, 0) / opPlans.length, 1),
          wavesPerRequest: round(opPlans.reduce((s, p) => s + p.length, 0) / opPlans.length, 1),
          api,
          floor,
          p50Ratio: round(api.p50 / floor.p50, 2),
          p50RatioPerRound: perRound,
          serverRssPeakMiB: mib(Math.max(...samples)),
        };
        results.push(result);
        opts.log(
          `  ${scale} ${op.name} c=${c}: api p50 ${api.p50} ms p99 ${api.p99} ms ${api.requestsPerSecond} req/s err ${api.errors} | floor p50 ${floor.p50} ms p99 ${floor.p99} ms ${floor.requestsPerSecond} req/s | ratio ${result.p50Ratio} ${JSON.stringify(perRound)} | rss ${result.serverRssPeakMiB} MiB`,
        );
      }
    }
  } finally {
    await driver.close();
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

// The sides of the API benchmark, each run for a fixed time at a given concurrency: the API over HTTP
// (autocannon; as served, and computed without the answer cache), the replay of its recorded statements,
// and the best hand-written statement.
import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Dataset } from '../core/domain/types.js';
import type { Operation, Plan } from './api.js';
import { runBest } from './floors.js';
import { round, summarize } from './lib/stats.js';

export interface RoundSamples {
  latencies: number[];
  requests: number;
  seconds: number;
  errors: number;
  bytes: number;
}

/**
 * `concurrency` workers, each sending one request after another until `seconds` have passed; the
 * request's index picks its variant. Bounded by count too, in case the clock misbehaves.
 */
async function timedWorkers(concurrency: number, seconds: number, request: (n: number) => Promise<unknown>): Promise<RoundSamples> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  const worker = async () => {
    for (let i = 0; i < 10_000_000 && performance.now() < deadline; i++) {
      const n = next++;
      const t = performance.now();
      try {
        await request(n);
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, requests: latencies.length + errors, seconds: (performance.now() - t0) / 1000, errors, bytes: 0 };
}

/** The floor: the recorded statements through the raw driver, wave by wave. */
export function runFloor(driver: Driver, plans: Plan[], concurrency: number, seconds: number): Promise<RoundSamples> {
  return timedWorkers(concurrency, seconds, async (n) => {
    for (const wave of plans[n % plans.length]!)
      await Promise.all(wave.map((st) => driver.executeQuery(st.cypher, st.params, { routing: neo4j.routing.READ, bookmarkManager: null })));
  });
}

/** The best Cypher: one hand-written statement per request (bench/floors.ts). */
export function runBestSide(driver: Driver, op: Operation, vocabulary: Dataset['vocabulary'], concurrency: number, seconds: number): Promise<RoundSamples> {
  return timedWorkers(concurrency, seconds, (n) => runBest(driver, op.name, op.variants[n % op.variants.length]!, vocabulary));
}

/**
 * The API: autocannon over keep-alive connections; latencies kept raw (its histogram rounds to 1 ms).
 * `computed`: every answer computed from the data (`Cache-Control: no-cache` skips the answer cache).
 */
export async function runApi(url: string, op: Operation, concurrency: number, seconds: number, computed = false): Promise<RoundSamples> {
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
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(computed ? { 'cache-control': 'no-cache' } : {}) },
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

export function side(rounds: RoundSamples[]): SideResult {
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

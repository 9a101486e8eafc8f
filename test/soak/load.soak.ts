// Issue 8, item 7: 200 concurrent clients for 60 s of mixed GraphQL, health and console reads
// against the server in its own process: zero errors of any kind, and the server's resident memory
// grows by less than the stated bound. The numbers go to docs/reliability.md.
// Each client sends its next request as soon as the last one is answered (no think time), far more
// than the machine can serve: what is proven is that overload queues and never fails. Latency is
// reported, not asserted; its only bound is the client's 120 s timeout.
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testExecutor, withRealDataset } from '../support/db.js';
import { startServerProcess, type ServerProcess } from '../../bench/lib/serverProcess.js';
import { rssMb, sleep } from './support.js';

const CLIENTS = 200;
const SECONDS = 60;
/** Resident memory the server may gain over the 60 s, after a warm-up at full concurrency. */
const GROWTH_BOUND_MB = 150;

const gqlBody = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const MIX: { method: 'GET' | 'POST'; path: string; body?: string }[] = [
  { method: 'POST', path: '/graphql', body: gqlBody('query($t: String!) { search(text: $t, first: 5) { score entity { id name kind } } }', { t: 'nvidia' }) },
  { method: 'POST', path: '/graphql', body: gqlBody('query($t: String!) { search(text: $t, first: 5) { entity { id nameZh } } }', { t: '台积电' }) },
  { method: 'POST', path: '/graphql', body: gqlBody('{ entity(id: "deepseek-r1") { id name summary(lang: ZH) ... on Model { developedBy { name } trainedOn { name } } facts { metric display evidence { url speakerName } } relationships(first: 20) { type source { name } target { name } } } }') },
  { method: 'POST', path: '/graphql', body: gqlBody('{ neighborhood(id: "nvidia", depth: 2, limit: 200) { truncated nodes { id kind } edges { type source { id } target { id } } } }') },
  { method: 'POST', path: '/graphql', body: gqlBody('{ shortestPath(from: "asml", to: "deepseek") { nodes { name } edges { type } } }') },
  { method: 'POST', path: '/graphql', body: gqlBody('{ facts(metric: "price_per_million_output_tokens") { subject { name } display status } }') },
  { method: 'POST', path: '/graphql', body: gqlBody('{ stats { entities relationships facts byKind { kind count } } relationshipTypes { type count } }') },
  { method: 'POST', path: '/graphql', body: gqlBody('{ entities(kind: CHIP, first: 20) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }') },
  { method: 'POST', path: '/graphql', body: gqlBody('{ timeline(kinds: [POLICY, MODEL]) { date kind entity { name } } }') },
  { method: 'POST', path: '/graphql', body: gqlBody('{ graph { nodes { id kind } edges { id type source { id } target { id } } } }') },
  { method: 'POST', path: '/graphql', body: gqlBody('{ episode { chapters { title startSeconds url } } metrics(minEntities: 3) { metric facts { display } } }') },
  { method: 'GET', path: '/health' },
  { method: 'POST', path: '/cypher', body: JSON.stringify({ query: 'MATCH (c:Company)-[:DESIGNS]->(x:Chip) RETURN c.name AS company, x.name AS chip ORDER BY chip LIMIT 25' }) },
];

let server: ServerProcess;
beforeAll(async () => {
  const db = testExecutor(120_000);
  await withRealDataset(db);
  await db.close();
  server = await startServerProcess(inject('neo4j'));
});
afterAll(() => server?.stop());

/** Counts everything that is not a clean success: transport errors, timeouts, non-2xx, and 200s carrying errors. */
async function hammer(connections: number, seconds: number) {
  let bad = 0;
  let firstBad = '';
  const instance = autocannon({
    url: server.url,
    connections,
    duration: seconds,
    timeout: 120,
    requests: MIX.map((r) => ({
      method: r.method,
      path: r.path,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      ...(r.body ? { body: r.body } : {}),
    })),
    verifyBody: (body: string) => {
      const ok = !/"errors?"\s*:/.test(body) && !/"status"\s*:\s*"unavailable"/.test(body);
      if (!ok && bad++ === 0) firstBad = body.slice(0, 300);
      return ok;
    },
  });
  const r = await instance;
  return { ...r, bad, firstBad };
}

describe(`${CLIENTS} clients for ${SECONDS} s`, () => {
  it('answers every request without an error, and memory stays bounded', async () => {
    // Warm-up so JIT, pools and caches settle before the baseline is taken; then let it drain.
    const warm = await hammer(20, 10);
    await sleep(5000);
    const base = rssMb(server.pid);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(server.pid)), 1000);
    let r: Awaited<ReturnType<typeof hammer>>;
    try {
      r = await hammer(CLIENTS, SECONDS);
    } finally {
      clearInterval(sampler);
    }
    await sleep(2000);
    const after = rssMb(server.pid);
    const peak = Math.max(base, ...samples);
    const report = {
      requests: r.requests.total,
      perSecond: Math.round(r.requests.average),
      p50ms: r.latency.p50,
      p99ms: r.latency.p99,
      maxMs: (r.latency as { max?: number }).max,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      mismatches: r.mismatches,
      warmupRequests: warm.requests.total,
      warmupErrors: warm.errors + warm.timeouts + warm.non2xx + warm.mismatches,
      rssBaseMb: Math.round(base),
      rssPeakMb: Math.round(peak),
      rssAfterMb: Math.round(after),
    };
    console.log(`load soak: ${JSON.stringify(report)}`);
    if (r.bad) console.log(`first failing body: ${r.firstBad}`);
    expect({ errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, mismatches: r.mismatches }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
      mismatches: 0,
    });
    expect(r.requests.total).toBeGreaterThan(CLIENTS);
    expect(after - base).toBeLessThan(GROWTH_BOUND_MB);
    // Still serving normally afterwards.
    const health = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(10_000) });
    expect(health.status).toBe(200);
  });
});

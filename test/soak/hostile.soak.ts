// One misbehaving client against a throwaway local runner (supervised, as `npm start` runs it):
// during each hostile console query a probe of /health and of a normal GraphQL query every 250 ms
// must answer within 1 s; afterwards the graph is unchanged. Then the JVM is killed outright: the
// supervisor restarts it and the same server serves again within 60 s, without being restarted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { createExecutor, type Executor } from '../../core/db/executor.js';
import { startLocalRunner } from '../../core/neo4j/localRunner.js';
import { freePort } from '../../core/neo4j/ports.js';
import type { ProvisionedNeo4j } from '../../core/neo4j/types.js';
import { startServer, type RunningServer } from '../../app/start.js';
import { fingerprint } from '../support/db.js';
import { ourJvmPid, sleep } from './support.js';

const store = mkdtempSync(join(tmpdir(), 'aig-soak-hostile-'));
const logs: string[] = [];
let neo4j: ProvisionedNeo4j;
let server: RunningServer;
let admin: Executor;
let port = 0;

beforeAll(async () => {
  port = await freePort();
  const cfg = loadConfig({ NEO4J_DATA_DIR: store, NEO4J_LOCAL_PORT: String(port) });
  neo4j = await startLocalRunner(cfg.neo4j, { purpose: 'start', supervise: true, log: (m) => logs.push(m) });
  server = await startServer({
    config: loadConfig({ PORT: '0', QUERY_TIMEOUT_MS: '1500', CONSOLE_RATE_PER_MINUTE: '100000' }),
    connection: neo4j.connection,
    neo4jState: neo4j.state,
    log: (m) => logs.push(m),
  });
  admin = createExecutor(neo4j.connection, { queryTimeoutMs: 20_000 });
});
afterAll(async () => {
  await server?.close();
  await admin?.close();
  await neo4j?.stop();
  rmSync(store, { recursive: true, force: true });
});

interface Probe {
  health: number;
  graphql: boolean;
  ms: number;
}

/** /health and a GraphQL entity every 250 ms until `until` settles; each probe's status and time. */
async function probeDuring(until: Promise<unknown>): Promise<Probe[]> {
  const probes: Probe[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const t = performance.now();
    const [h, q] = await Promise.all([
      fetch(`${server.url}/health`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0),
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ entity(id: "tsmc") { name } }' }),
        signal: AbortSignal.timeout(5000),
      }).then(async (r) => ((await r.json()) as any)?.data?.entity?.name === 'TSMC', () => false),
    ]);
    probes.push({ health: h, graphql: q, ms: Math.round(performance.now() - t) });
    await sleep(250);
  }
  return probes;
}

async function consoleQuery(query: string) {
  const t = performance.now();
  const res = await fetch(`${server.url}/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code ?? 'OK', ms: Math.round(performance.now() - t) };
}

let nested = "'x'";
for (let i = 0; i < 31; i++) nested = `replace(${nested}, 'x', 'xx')`;

const HOSTILE: [string, string][] = [
  ['a 10-million-element list', 'RETURN range(1, 10000000) AS xs'],
  ['reduce over 2 billion integers', 'RETURN reduce(s = 0, i IN range(1, 2000000000) | s + i) AS s'],
  ['reduce building a 10 MB string', "RETURN size(reduce(s = '', i IN range(1, 1000000) | s + 'xxxxxxxxxx')) AS n"],
  ['nested replace to 2^31 characters', `RETURN size(${nested}) AS n`],
  ['a reduce that doubles a string 40 times', "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS n"],
  ['a comprehension over 2 billion integers', 'RETURN size([x IN range(1, 2000000000) WHERE x < 0]) AS n'],
];

describe('hostile console queries do not hold up other clients', () => {
  let before: Record<string, unknown>;
  beforeAll(async () => {
    before = await fingerprint(admin);
  });

  it.each(HOSTILE)('%s', async (_name, query) => {
    const hostile = consoleQuery(query);
    const probes = await probeDuring(hostile);
    const answer = await hostile;
    const slowest = Math.max(...probes.map((p) => p.ms));
    console.log(`${_name}: console ${answer.status} ${answer.code} after ${answer.ms} ms; ${probes.length} probes, slowest ${slowest} ms; restarts ${JSON.stringify(neo4j.state?.())}`);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    // The bound for everyone else while one client misbehaves.
    expect(probes.filter((p) => p.health !== 200 || !p.graphql || p.ms > 1000)).toEqual([]);
    // Let Neo4j finish what it cannot be stopped from (measured and reported in docs/reliability.md).
    for (let i = 0; i < 60; i++) {
      const busy = await admin.read({
        cypher: "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW' AND (currentQuery CONTAINS 'range' OR currentQuery CONTAINS 'replace') RETURN count(*) AS n",
        params: {},
      }).catch(() => [{ n: 1 }]);
      if (Number(busy[0]?.n) === 0) {
        console.log(`${_name}: Neo4j free again ${i} s after the answer`);
        break;
      }
      await sleep(1000);
    }
  });

  it('changed nothing in the graph', async () => {
    expect(await fingerprint(admin)).toEqual(before);
  });
});


describe('floods from one client', () => {
  it('48 parallel slow console queries: the client gets 429 beyond its share, /health and GraphQL stay fast', async () => {
    const slow = "MATCH (a), (b), (c) WHERE a.name + b.name + c.name = 'never' RETURN count(*) AS n";
    const flood = Promise.all(Array.from({ length: 48 }, () => consoleQuery(slow)));
    const probes = await probeDuring(flood);
    const answers = await flood;
    const byCode = answers.reduce<Record<string, number>>((m, a) => ({ ...m, [a.code]: (m[a.code] ?? 0) + 1 }), {});
    console.log(`48 console queries: ${JSON.stringify(byCode)}; ${probes.length} probes, slowest ${Math.max(...probes.map((p) => p.ms))} ms`);
    expect(byCode.TOO_MANY_REQUESTS).toBeGreaterThanOrEqual(46);
    expect(probes.filter((p) => p.health !== 200 || !p.graphql || p.ms > 1000)).toEqual([]);
  });

  it('40 parallel requests of 15 deep neighbourhoods: 429 beyond the per-client share, /health stays fast', async () => {
    const fields = Array.from({ length: 15 }, (_, i) => `n${i}: neighborhood(id: "nvidia", depth: 3, limit: 1000) { nodes { id } }`).join(' ');
    const one = () =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ ${fields} }` }) }).then(
        async (r) => {
          const b = (await r.json()) as any;
          return `${r.status} ${b?.errors?.[0]?.extensions?.code ?? b?.error?.code ?? 'OK'}`;
        },
      );
    const flood = Promise.all(Array.from({ length: 40 }, one));
    const probes: number[] = [];
    let done = false;
    void flood.finally(() => (done = true));
    while (!done) {
      const t = performance.now();
      const h = await fetch(`${server.url}/health`).then((r) => r.status);
      probes.push(h === 200 ? Math.round(performance.now() - t) : 99_999);
      await sleep(250);
    }
    const answers = await flood;
    const byStatus = answers.reduce<Record<string, number>>((m, a) => ({ ...m, [a]: (m[a] ?? 0) + 1 }), {});
    console.log(`40 x 15 neighbourhoods: ${JSON.stringify(byStatus)}; /health slowest ${Math.max(...probes)} ms over ${probes.length} probes`);
    expect(answers.filter((a) => a.startsWith('429')).length).toBeGreaterThanOrEqual(30);
    expect(probes.filter((ms) => ms > 1000)).toEqual([]);
  });
});

describe('a hung Neo4j (SIGSTOP)', () => {
  it('answers /health and GraphQL with 503 / SERVICE_UNAVAILABLE instead of hanging, and serves again after SIGCONT', async () => {
    const pid = ourJvmPid(port);
    process.kill(pid, 'SIGSTOP');
    try {
      const t = performance.now();
      const [h, q] = await Promise.all([
        fetch(`${server.url}/health`).then((r) => r.status),
        fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ entity(id: \\"asml\\") { name } }"}' }).then(
          async (r) => ((await r.json()) as any)?.errors?.[0]?.extensions?.code,
        ),
      ]);
      const ms = Math.round(performance.now() - t);
      console.log(`SIGSTOP: /health ${h}, GraphQL ${q} after ${ms} ms`);
      expect(h).toBe(503);
      expect(q).toBe('SERVICE_UNAVAILABLE');
      // The query timeout (1.5 s here) plus the executor's 3 s grace, with room for a loaded machine.
      expect(ms).toBeLessThan(10_000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    let ok = false;
    for (let i = 0; i < 60 && !ok; i++) {
      ok = (await fetch(`${server.url}/health`).then((r) => r.status)) === 200;
      if (!ok) await sleep(500);
    }
    expect(ok).toBe(true);
  });
});

describe('the JVM dies', () => {
  it('is restarted by the supervisor, /health says degraded meanwhile, and the same server serves again within 60 s', async () => {
    const restartsBefore = neo4j.state!().restarts;
    for (let i = 0; i < 120 && neo4j.state!().state !== 'running'; i++) await sleep(500);
    expect(neo4j.state!().state).toBe('running');
    const t = Date.now();
    process.kill(ourJvmPid(port), 'SIGKILL');
    let sawDegraded = false;
    let healthy = false;
    while (!healthy && Date.now() - t < 60_000) {
      const r = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
      const body = r ? ((await r.json()) as { status: string; neo4j: { reason?: string } }) : null;
      if (body?.status === 'degraded' && /restarted/.test(body.neo4j.reason ?? '')) sawDegraded = true;
      healthy = r?.status === 200 && neo4j.state!().state === 'running';
      if (!healthy) await sleep(500);
    }
    console.log(`JVM killed: healthy again after ${Date.now() - t} ms; state ${JSON.stringify(neo4j.state?.())}`);
    expect(sawDegraded).toBe(true);
    expect(healthy).toBe(true);
    expect(neo4j.state?.()).toMatchObject({ state: 'running', restarts: restartsBefore + 1 });
    const q = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ entity(id: \\"nvidia\\") { name } }"}' });
    const body = (await q.json()) as any;
    console.log(`first GraphQL answer after the restart: ${JSON.stringify(body)}`);
    expect(body.data?.entity?.name).toBe('NVIDIA');
  });
});

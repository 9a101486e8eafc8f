// Issue 8, items 1 and 2 with a real Neo4j process (the fast suite uses a TCP relay instead): a local
// runner of our own on a temporary store, stopped cleanly and later killed with SIGKILL while the
// server runs, then started again on the same store and port. The server answers SERVICE_UNAVAILABLE
// within 5 s while it is gone, keeps its process, and recovers by itself; a second server started
// while Neo4j is down waits for it and then serves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { storedPassword } from '../../core/neo4j/credentials.js';
import { startLocalRunner } from '../../core/neo4j/localRunner.js';
import { freePort } from '../../core/neo4j/ports.js';
import type { ProvisionedNeo4j } from '../../core/neo4j/types.js';
import { startServer, type RunningServer } from '../../app/start.js';
import { ourJvmPid, sleep } from './support.js';

const store = mkdtempSync(join(tmpdir(), 'aig-soak-neo4j-'));
const logs: string[] = [];
const log = (m: string) => logs.push(m);
let neo4j: ProvisionedNeo4j | null = null;
let first: RunningServer | null = null;
let second: RunningServer | null = null;
let port = 0;

afterAll(async () => {
  await second?.close();
  await first?.close();
  await neo4j?.stop();
  rmSync(store, { recursive: true, force: true });
});

async function startNeo4j(): Promise<ProvisionedNeo4j> {
  const cfg = loadConfig({ NEO4J_DATA_DIR: store, NEO4J_LOCAL_PORT: String(port) });
  const n = await startLocalRunner(cfg.neo4j, { purpose: 'start', log });
  // The runner moves to another port when ours is taken; the server would then wait in vain.
  expect(n.connection.uri).toBe(`bolt://127.0.0.1:${port}`);
  return n;
}

async function answer(url: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
    // The bound the issue sets for an answer while Neo4j is gone.
    signal: AbortSignal.timeout(5000),
  });
  const json = (await res.json()) as any;
  return { status: res.status, json, code: json?.error?.code ?? json?.errors?.[0]?.extensions?.code };
}

/** While Neo4j is gone: codes within 5 s, and the process still serves what needs no database. */
async function expectUnavailable(url: string, label: string): Promise<void> {
  let slowest = 0;
  for (let round = 0; round < 3; round++) {
    const t = Date.now();
    const [q, h, c, v] = await Promise.all([
      answer(url, '/graphql', { query: '{ stats { entities } }' }),
      answer(url, '/health'),
      answer(url, '/cypher', { query: 'MATCH (n) RETURN count(n) AS n' }),
      answer(url, '/api/vocabulary'),
    ]);
    slowest = Math.max(slowest, Date.now() - t);
    expect([q.status, q.code]).toEqual([200, 'SERVICE_UNAVAILABLE']);
    expect(h.status).toBe(503);
    expect([c.status, c.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(v.status).toBe(200);
    await sleep(1000);
  }
  console.log(`${label}: slowest round of answers while Neo4j was gone took ${slowest} ms`);
}

async function expectRecovered(url: string, entities: number, label: string): Promise<void> {
  const t = Date.now();
  let status = 0;
  for (let i = 0; i < 120 && status !== 200; i++) {
    status = await fetch(`${url}/health`, { signal: AbortSignal.timeout(10_000) })
      .then((r) => r.status)
      .catch(() => 0);
    if (status !== 200) await sleep(500);
  }
  expect(status).toBe(200);
  const q = await answer(url, '/graphql', { query: '{ stats { entities } entity(id: "nvidia") { name } }' });
  expect(q.json.data).toEqual({ stats: { entities }, entity: { name: 'NVIDIA' } });
  console.log(`${label}: healthy ${Date.now() - t} ms after Neo4j reported ready`);
}


describe('a real Neo4j stops and returns while the server runs', () => {
  let entities = 0;

  it('serves from a fresh local runner (seeding the empty store)', async () => {
    port = await freePort();
    neo4j = await startNeo4j();
    first = await startServer({ config: loadConfig({ PORT: '0' }), connection: neo4j.connection, log });
    const q = await answer(first.url, '/graphql', { query: '{ stats { entities } }' });
    entities = q.json.data.stats.entities;
    expect(entities).toBeGreaterThan(250);
  });

  it('stopped cleanly: SERVICE_UNAVAILABLE within 5 s, /health 503, the process keeps serving', async () => {
    await neo4j!.stop();
    neo4j = null;
    await expectUnavailable(first!.url, 'clean stop');
  });

  it('a second server started now waits with backoff; both serve once Neo4j is back on the same store and port', async () => {
    const starting = startServer({ config: loadConfig({ PORT: '0', NEO4J_WAIT_SECONDS: '300' }), connection: { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: storedPassword(store) }, log });
    // Let it be refused a few times before Neo4j starts.
    for (let i = 0; i < 100 && logs.filter((l) => /retrying in/.test(l)).length < 3; i++) await sleep(200);
    expect(logs.filter((l) => /retrying in/.test(l)).length).toBeGreaterThanOrEqual(3);
    neo4j = await startNeo4j();
    const t = Date.now();
    second = await starting;
    console.log(`second server: serving ${Date.now() - t} ms after Neo4j reported ready, after ${logs.filter((l) => /retrying in/.test(l)).length} refused attempts`);
    await expectRecovered(first!.url, entities, 'clean stop, first server');
    await expectRecovered(second.url, entities, 'clean stop, second server');
  });

  it('killed with SIGKILL: the same answers, and recovery after Neo4j restarts on the crashed store', async () => {
    process.kill(ourJvmPid(port), 'SIGKILL');
    await neo4j!.stop();
    neo4j = null;
    await expectUnavailable(first!.url, 'SIGKILL, first server');
    await expectUnavailable(second!.url, 'SIGKILL, second server');
    neo4j = await startNeo4j();
    await expectRecovered(first!.url, entities, 'SIGKILL, first server');
    await expectRecovered(second!.url, entities, 'SIGKILL, second server');
  });
});

// The console as an attacker meets it: every trick and payload of the attack corpus is refused with
// 400 READ_ONLY, the plan check alone refuses each payload even when the lexical guard is skipped,
// LOAD CSV never touches a file or a loopback URL, and the graph is exactly as it was. Around the
// console: a foreign Host header, a wrong Bolt password and a WebSocket from another origin are refused.
import { request as httpRequest, createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { attackCorpus, PAYLOADS, REPORTED_TRICKS } from '../../server/console/attackCorpus.js';
import { checkPlan } from '../../server/console/plan.js';
import { prng } from '../../core/domain/prng.js';
import type { RunningServer } from '../../app/start.js';
import { fingerprint, testExecutor, withRealDataset } from '../support/db.js';
import { startTestServer } from '../support/server.js';

const db = testExecutor(60_000);
let server: RunningServer;
let before: Record<string, unknown>;
// A loopback service that LOAD CSV must never reach (SSRF).
let bait: Server;
let baitHits = 0;
let baitUrl = '';

beforeAll(async () => {
  await withRealDataset(db);
  server = await startTestServer({ QUERY_TIMEOUT_MS: '3000' });
  before = await fingerprint(db);
  bait = createServer((_req, res) => {
    baitHits++;
    res.end('secret,token\n1,2\n');
  });
  await new Promise<void>((r) => bait.listen(0, '127.0.0.1', () => r()));
  const addr = bait.address();
  baitUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
});
afterAll(async () => {
  await new Promise((r) => bait?.close(r));
  await server?.close();
  await db.close();
});

async function run(query: string, params: Record<string, unknown> | string = {}) {
  const res = await fetch(`${server.url}/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // A string is sent as the params' JSON as it is (JSON.stringify cannot write 5,000 levels).
    body: typeof params === 'string' ? `{"query": ${JSON.stringify(query)}, "params": ${params}}` : JSON.stringify({ query, params }),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string }; rows?: unknown[] } };
}

describe('the console refuses by what a query does', () => {
  it.each(REPORTED_TRICKS.map((q) => [JSON.stringify(q), q]))('refuses the reported trick %s with 400 READ_ONLY', async (_n, q) => {
    const { status, body } = await run(q);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('READ_ONLY');
  });

  it('refuses a seeded sample of 150 respellings from the attack corpus, and LOAD CSV never fetches', async () => {
    const corpus = attackCorpus();
    const rnd = prng(459);
    const sample = Array.from({ length: 150 }, () => corpus[Math.floor(rnd() * corpus.length)]!);
    sample.push(`LOAD CSV FROM '${baitUrl}' AS r RETURN r`, `// x\rLOAD CSV FROM '${baitUrl}' AS r RETURN r`);
    const leaked: string[] = [];
    for (const q of sample) {
      const { status, body } = await run(q);
      if (status !== 400 || body.error?.code !== 'READ_ONLY') leaked.push(`${status} ${body.error?.code} ${JSON.stringify(q)}`);
    }
    expect(leaked).toEqual([]);
    expect(baitHits).toBe(0);
    expect(await fingerprint(db)).toEqual(before);
  });

  it.each([...PAYLOADS, `LOAD CSV FROM '${'http://127.0.0.1:9/'}' AS r RETURN r`])(
    'the plan check alone refuses %s (the lexical guard skipped)',
    async (payload) => {
      // Administration commands cannot even be planned on the graph database: refused by Neo4j.
      const explained = await db.explain({ cypher: payload, params: {} }).catch(() => null);
      if (explained) {
        const verdict = explained.plan ? checkPlan(explained.plan) : { ok: false };
        expect(verdict.ok && explained.queryType === 'r').toBe(false);
      }
    },
  );

  it('answers user errors with 4xx and a message that says what to change', async () => {
    const nested = await run('RETURN $p AS p', `{"p": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(nested.status).toBe(400);
    expect(nested.body.error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/nested deeper/) });
    const inTx = await run('CALL () { RETURN 1 AS x } IN TRANSACTIONS RETURN x');
    expect(inTx.status).toBe(400);
    expect(inTx.body.error?.message).toMatch(/IN TRANSACTIONS/);
    const semantic = await run('RETURN nosuchfunction(1)');
    expect(semantic.status).toBe(400);
    expect(semantic.body.error?.code).toBe('BAD_USER_INPUT');
  });

  // The console plans the query first (EXPLAIN, a transaction with the same text): only the run itself is
  // terminated; terminating the finished EXPLAIN left the run to reach the time limit.
  it('says so when a query is terminated from outside, instead of calling it a timeout', async () => {
    const slow = run("MATCH (a), (b), (c) WHERE a.name + b.name + c.name = 'terminated-marker' RETURN count(*) AS n");
    let ids: string[] = [];
    for (let i = 0; i < 50 && ids.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const rows = await db.read({
        cypher: "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery CONTAINS 'terminated-marker' AND NOT currentQuery CONTAINS 'SHOW' AND NOT currentQuery STARTS WITH 'EXPLAIN' RETURN transactionId",
        params: {},
      });
      ids = rows.map((r) => String(r.transactionId));
    }
    expect(ids.length).toBeGreaterThan(0);
    await db.write({ cypher: 'TERMINATE TRANSACTIONS $ids', params: { ids } });
    const { status, body } = await slow;
    expect(status).toBe(503);
    expect(body.error?.code).toBe('TRANSACTION_TERMINATED');
    expect(body.error?.message).toMatch(/terminated from outside/);
  });

  // The plan check is an allowlist of read operators: it must not refuse the reads people write.
  it.each([
    "MATCH (e:Entity {id: 'nvidia'}) RETURN e.name",
    "MATCH (e:Entity) WHERE e.name STARTS WITH 'Deep' RETURN e.name ORDER BY e.name",
    "MATCH (e:Entity) WHERE e.name CONTAINS 'GPU' OR e.name ENDS WITH 'AI' RETURN count(*) AS n",
    'MATCH (e:Entity) WHERE e.firstSeconds > 600 AND e.firstSeconds < 1200 RETURN e.id LIMIT 5',
    'MATCH (e) WHERE elementId(e) = elementId(e) RETURN count(e) AS n',
    'MATCH (n) RETURN count(n) AS n',
    'MATCH ()-[r:DESIGNS]->() RETURN count(r) AS n',
    'MATCH (a:Company)-[:DESIGNS]->(c:Chip)<-[:TRAINED_ON]-(m) RETURN a.name, c.name, collect(m.name) AS models',
    "MATCH (a:Entity {id: 'asml'}) OPTIONAL MATCH (a)-[r]-(b) RETURN a.name, type(r), b.name LIMIT 20",
    "MATCH p = shortestPath((a:Entity {id: 'asml'})-[*..6]-(b:Entity {id: 'deepseek'})) RETURN length(p) AS hops",
    "MATCH p = allShortestPaths((a:Entity {id: 'tsmc'})-[*..4]-(b:Entity {id: 'openai'})) RETURN count(p) AS n",
    "MATCH p = SHORTEST 2 (a:Entity {id: 'nvidia'})-[]-+(b:Entity {id: 'xai'}) RETURN length(p) AS hops",
    "MATCH (a:Entity {id: 'nvidia'})-[*1..2]-(b) RETURN count(DISTINCT b) AS reach",
    "MATCH (a:Entity {id: 'nvidia'}) ((x)-[]->(y)){1,2} (b) RETURN count(b) AS n",
    'MATCH (e:Entity) WHERE EXISTS { (e)-[:DESIGNS]->() } RETURN count(e) AS n',
    'MATCH (e:Entity) WHERE NOT EXISTS { (e)--() } RETURN count(e) AS isolated',
    'MATCH (e:Entity) RETURN e.id, COUNT { (e)--() } AS degree ORDER BY degree DESC LIMIT 5',
    'MATCH (e:Entity) RETURN e.id, COLLECT { MATCH (e)-->(x) RETURN x.id } AS out LIMIT 3',
    'MATCH (e:Entity) RETURN e.id, [(e)-->(x) | x.id][..3] AS out LIMIT 3',
    'MATCH (e:Entity) WITH e.kind AS kind, count(*) AS n RETURN kind, n ORDER BY n DESC',
    'MATCH (e:Company) RETURN e.id AS id UNION MATCH (e:Chip) RETURN e.id AS id',
    'MATCH (e:Company) RETURN e.id AS id UNION ALL MATCH (e:Chip) RETURN e.id AS id',
    'UNWIND [1, 2, 3] AS x RETURN x * 2 AS y',
    "RETURN CASE WHEN 1 < 2 THEN 'yes' ELSE 'no' END AS a, [x IN range(1, 5) WHERE x % 2 = 0] AS evens",
    'CALL () { MATCH (c:Company) RETURN count(c) AS companies } RETURN companies',
    "CALL db.index.fulltext.queryNodes('entity_search', 'nvidia') YIELD node, score RETURN node.id, score LIMIT 3",
    'CALL db.labels() YIELD label RETURN label',
    'CALL db.schema.visualization()',
    'MATCH (a)-[r1]->(b)-[r2]->(c) WHERE a <> c RETURN count(*) AS n',
    'MATCH (a:Entity)-->(b:Entity), (b)-->(c:Entity) WHERE (a)-->(c) RETURN count(*) AS triangles',
    "MATCH (e:Entity) WITH e ORDER BY e.name SKIP 10 LIMIT 5 RETURN e.name",
    'MATCH (e:Entity) RETURN DISTINCT e.kind AS kind',
    "MATCH (a:Entity), (b:Entity {id: 'tsmc'}) WHERE a.id = b.id RETURN a.name",
  ])('lets %s through', async (query) => {
    const { status, body } = await run(query);
    expect({ status, error: body.error }).toEqual({ status: 200, error: undefined });
  });

  it('still answers an ordinary read', async () => {
    const { status, body } = await run("MATCH (e:Entity {id: 'tsmc'}) RETURN e.name AS name");
    expect(status).toBe(200);
    expect(body.rows).toEqual([{ name: 'TSMC' }]);
  });
});

function rawGet(path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: url.port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('around the console', () => {
  it.each(['evil.example', 'evil.example:4000', 'localhost.evil.example', '127.0.0.1.nip.io', 'localhost@evil.example'])(
    'refuses the Host header %j with 421 (DNS rebinding)',
    async (host) => {
      const r = await rawGet('/health', host);
      expect(r.status).toBe(421);
      expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'HOST_NOT_ALLOWED' } });
    },
  );

  it.each(['localhost:4000', '127.0.0.1', '[::1]:4000', 'LOCALHOST'])('serves the Host header %j', async (host) => {
    expect((await rawGet('/health', host)).status).toBe(200);
  });

  it('refuses Bolt without the password, or with a wrong one', async () => {
    const conn = inject('neo4j');
    for (const auth of [neo4j.auth.basic(conn.user, 'wrong-password'), neo4j.auth.basic(conn.user, ''), neo4j.auth.basic('someone-else', conn.password)]) {
      const driver = neo4j.driver(conn.uri, auth, { logging: { level: 'error', logger: () => undefined } });
      try {
        await expect(driver.executeQuery('RETURN 1')).rejects.toMatchObject({ code: expect.stringMatching(/Unauthorized|AuthenticationRateLimit|Security/) });
      } finally {
        await driver.close();
      }
    }
  });

  it('closes a Bolt WebSocket upgrade from another origin (local runner)', async (ctx) => {
    if (inject('neo4jSource') !== 'local-runner') return ctx.skip();
    const { hostname, port } = new URL(inject('neo4j').uri);
    for (const origin of ['http://evil.example', 'null', undefined]) {
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write(
            'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
              'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n' +
              (origin ? `Origin: ${origin}\r\n` : '') +
              '\r\n',
          );
        });
        let got = '';
        socket.on('data', (d: Buffer) => (got += d.toString('latin1')));
        socket.on('close', () => resolve(got));
        socket.on('error', () => resolve(got));
        setTimeout(() => socket.destroy(), 5000);
      });
      expect(answer).not.toMatch(/101 Switching Protocols/);
    }
  });
});

// One console query cannot hold up anyone else: a result too large for the byte cap is refused, a
// query that is still decoding a huge record at its deadline is answered QUERY_TIMEOUT while its
// process is killed and replaced, and meanwhile GraphQL and /health keep answering. Per-client
// limits answer 429 with Retry-After. (How fast the others are served is measured in the soak suite.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { fingerprint, testExecutor, withRealDataset } from '../support/db.js';
import { gql, startTestServer } from '../support/server.js';

const db = testExecutor(60_000);
let server: RunningServer;
let before: Record<string, unknown>;

beforeAll(async () => {
  await withRealDataset(db);
  server = await startTestServer({ QUERY_TIMEOUT_MS: '1500', CONSOLE_BYTE_CAP: '200000', CONSOLE_RATE_PER_MINUTE: '1000000' });
  before = await fingerprint(db);
});
afterAll(async () => {
  await server?.close();
  await db.close();
});

async function run(query: string, url = server.url) {
  const res = await fetch(`${url}/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error?: { code: string; message: string; messageZh?: string }; rows?: unknown[] } };
}

async function consoleTransactions(): Promise<number> {
  const [row] = await db.read({ cypher: "SHOW TRANSACTIONS YIELD metaData WHERE metaData.app = 'aig-console' RETURN count(*) AS n", params: {} });
  return Number(row!.n);
}

async function consoleIdle(): Promise<void> {
  for (let i = 0; i < 100 && (await consoleTransactions()) > 0; i++) await new Promise((r) => setTimeout(r, 1000));
}

describe('console isolation', () => {
  it('refuses a result over the byte cap, even when it is one row, and says what to do in both languages', async () => {
    const oneRow = await run("RETURN [x IN range(1, 100000) | 'abcdefghij'] AS xs");
    expect(oneRow.status).toBe(400);
    expect(oneRow.body.error).toMatchObject({ code: 'RESULT_TOO_LARGE', message: expect.stringMatching(/first row.*LIMIT/) });
    expect(oneRow.body.error?.messageZh).toMatch(/结果过大/);
    const manyRows = await run(`UNWIND range(1, 900) AS i RETURN i, '${'abcdefghijklmnopqrstuvwxyz'.repeat(16)}' + i AS s`);
    expect(manyRows.body.error).toMatchObject({ code: 'RESULT_TOO_LARGE', message: expect.stringMatching(/after \d+ rows/) });
  });

  it('answers a query stuck past its deadline with QUERY_TIMEOUT, and GraphQL and /health answer meanwhile', async () => {
    const hostile = run('RETURN range(1, 10000000) AS xs');
    const probes: { health: number; graphql: boolean }[] = [];
    let done = false;
    void hostile.finally(() => (done = true));
    while (!done) {
      const [health, q] = await Promise.all([fetch(`${server.url}/health`), gql(server.url, '{ entity(id: "tsmc") { name } }')]);
      probes.push({ health: health.status, graphql: q.body.data?.entity?.name === 'TSMC' });
      await new Promise((r) => setTimeout(r, 250));
    }
    const { status, body } = await hostile;
    expect(status).toBe(400);
    expect(body.error?.code).toMatch(/QUERY_TIMEOUT|MEMORY_LIMIT|RESULT_TOO_LARGE/);
    expect(probes.length).toBeGreaterThan(2);
    expect(probes.filter((p) => p.health !== 200 || !p.graphql)).toEqual([]);
    // The console works again right after (in a new process if the old one was stuck).
    const next = await run("MATCH (e:Entity {id: 'nvidia'}) RETURN e.name AS name");
    expect(next).toMatchObject({ status: 200, body: { rows: [{ name: 'NVIDIA' }] } });
  });

  it('lets one client run at most 2 console queries at once: the third gets 429 with Retry-After', async () => {
    const slow = "MATCH (a), (b), (c) WHERE a.name + b.name + c.name = 'never' RETURN count(*) AS n";
    const answers = await Promise.all([run(slow), run(slow), (async () => {
      await new Promise((r) => setTimeout(r, 300));
      return run('RETURN 1 AS x');
    })()]);
    expect(answers[2]).toMatchObject({ status: 429, retryAfter: '1', body: { error: { code: 'TOO_MANY_REQUESTS' } } });
    expect(answers[0].body.error?.code).toBe('QUERY_TIMEOUT');
  });

  it('refuses new console queries while Neo4j still runs earlier ones it cannot stop', async () => {
    const lingering = 'RETURN reduce(s = 0, i IN range(1, 400000000) | s + i) AS s';
    // The earlier tests' timed-out queries may still be winding down in Neo4j and would take the budget.
    await consoleIdle();
    try {
      const first = await Promise.all([run(lingering), run(lingering)]);
      expect(first.map((a) => a.body.error?.code)).toEqual(['QUERY_TIMEOUT', 'QUERY_TIMEOUT']);
      // The client's two slots stay taken, and Neo4j's console budget (CONSOLE_MAX_ACTIVE 2) is spent.
      const next = await run('RETURN 1 AS x');
      expect(next).toMatchObject({ status: 429, body: { error: { code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/still finishing 2|at most 2/) } } });
      expect(await consoleTransactions()).toBe(2);
      // GraphQL and /health are not part of that budget.
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      // Neo4j cannot stop these early: wait them out so the rest of the file has the database to itself.
      await consoleIdle();
    }
  }, 150_000);

  it('changed nothing in the graph', async () => {
    expect(await fingerprint(db)).toEqual(before);
  });
});

describe('rate limits per client', () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await startTestServer({ CONSOLE_RATE_PER_MINUTE: '3', GRAPHQL_CONCURRENT_PER_CLIENT: '2' });
  });
  afterAll(() => limited?.close());

  it('answers 429 with Retry-After past the console rate, and still serves GraphQL and /health', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await run('RETURN 1 AS x', limited.url)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const res = await fetch(`${limited.url}/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"RETURN 1"}' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${limited.url}/health`)).status).toBe(200);
    expect((await gql(limited.url, '{ stats { entities } }')).body.data?.stats).toBeTruthy();
  });

  it('lets one client run at most GRAPHQL_CONCURRENT_PER_CLIENT GraphQL requests at once', async () => {
    const heavy = '{ a: neighborhood(id: "nvidia", depth: 3, limit: 1000) { nodes { id } } }';
    const answers = await Promise.all(Array.from({ length: 6 }, () => gql(limited.url, heavy)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
  });
});

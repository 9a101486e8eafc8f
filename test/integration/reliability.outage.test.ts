// Issue 8, the fast half (the slow half is test/soak, `npm run test:soak`): the server outlives a database that goes away.
// Every case runs against the real Neo4j of the run (test/support/reliability.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../core/neo4j/ports.js';
import type { RunningServer } from '../../app/start.js';
import { gql, startTestServer } from '../support/server.js';
import { BoltRelay } from '../support/relay.js';
import { boltUrl, neo4jConn, postCypher, postGraphql, send, sleep, useReliabilityServer } from '../support/reliability.js';

useReliabilityServer();

// Routing URIs would hand the driver Neo4j's own address, and TLS would not accept 127.0.0.1.
describe.skipIf(!/^(bolt|neo4j):$/.test(boltUrl.protocol))('Neo4j goes away and comes back', () => {
  let relay: BoltRelay;
  let viaRelay: RunningServer | null = null;
  const logs: string[] = [];
  afterAll(async () => {
    await viaRelay?.close();
    await relay?.down();
  });

  it('a server started before Neo4j is reachable retries with growing delays, then serves', async () => {
    relay = new BoltRelay(await freePort(), boltUrl);
    let opened: Promise<void> | null = null;
    viaRelay = await startTestServer(
      { QUERY_TIMEOUT_MS: '3000', NEO4J_WAIT_SECONDS: '60' },
      {
        connection: { ...neo4jConn, uri: `bolt://127.0.0.1:${relay.port}` },
        log: (m) => {
          logs.push(m);
          // Neo4j "finishes booting" only after the server has been refused three times.
          if (!opened && logs.filter((l) => /retrying in/.test(l)).length >= 3) opened = relay.up();
        },
      },
    );
    const delays = logs.flatMap((l) => /retrying in (\d+) ms/.exec(l)?.[1] ?? []).map(Number);
    expect(delays.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]!);
    expect(logs.some((l) => /reachable .* after \d+ attempts/.test(l))).toBe(true);
    const { status, body } = await gql(viaRelay.url, '{ stats { entities } }');
    expect(status).toBe(200);
    expect(body.data?.stats.entities).toBeGreaterThan(250);
  });

  it('while Neo4j is down: GraphQL says SERVICE_UNAVAILABLE within 5 s, /health 503, the process keeps serving', async () => {
    expect(viaRelay).not.toBeNull();
    const url = viaRelay!.url;
    await relay.down();
    // Twice: the first request meets the broken pooled connections, the second a refused connect.
    for (let round = 0; round < 2; round++) {
      const [q, h, c, v] = await Promise.all([
        postGraphql(url, JSON.stringify({ query: '{ stats { entities } entity(id: "nvidia") { name } }' })),
        send(`${url}/health`),
        postCypher(url, 'MATCH (n) RETURN count(n) AS n'),
        send(`${url}/api/vocabulary`),
      ]);
      expect(q.status).toBe(200);
      expect(q.code).toBe('SERVICE_UNAVAILABLE');
      expect(q.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
      expect(h.status).toBe(503);
      expect(h.json).toMatchObject({ status: 'unavailable', neo4j: { reachable: false } });
      expect(c.status).toBe(503);
      expect(c.code).toBe('SERVICE_UNAVAILABLE');
      // What needs no database still works: the process did not fall over.
      expect(v.status).toBe(200);
    }
  });

  it('recovers by itself when Neo4j returns, with nothing restarted on the server side', async () => {
    const url = viaRelay!.url;
    await relay.up();
    let health = 0;
    for (let i = 0; i < 40 && health !== 200; i++) {
      health = (await send(`${url}/health`)).status;
      if (health !== 200) await sleep(500);
    }
    expect(health).toBe(200);
    const { status, body } = await gql(url, '{ entity(id: "nvidia") { name } }');
    expect(status).toBe(200);
    expect(body.data?.entity.name).toBe('NVIDIA');
  });

  it('gives up with a clear message once NEO4J_WAIT_SECONDS have passed', async () => {
    const nobody = await freePort();
    const seen: string[] = [];
    await expect(
      startTestServer({ NEO4J_WAIT_SECONDS: '1' }, { connection: { ...neo4jConn, uri: `bolt://127.0.0.1:${nobody}` }, log: (m) => seen.push(m) }),
    ).rejects.toThrow(/did not answer within 1s.*NEO4J_WAIT_SECONDS/);
    expect(seen.some((l) => /retrying in/.test(l))).toBe(true);
  });
});

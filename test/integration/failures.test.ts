// Failures reported as what they are: a database that fails part-way through a GraphQL request gives
// that field its DatabaseError code (never [] or NOT_FOUND), the rest of the request starts no new
// statements, and a full layout queue says so. Neo4j is real; a TCP relay in front of it breaks or
// delays exactly the statements a test names, as a dying or overloaded Neo4j would.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CypherStatement } from '../../core/db/executor.js';
import { freePort } from '../../core/neo4j/ports.js';
import { entitiesByIdsQuery } from '../../server/repository/entities.js';
import { relationshipsOfEntitiesQuery } from '../../server/repository/relationships.js';
import type { RunningServer } from '../../app/start.js';
import { testExecutor, withRealDataset } from '../support/db.js';
import { BoltRelay } from '../support/relay.js';
import { gql, startTestServer } from '../support/server.js';

const neo4jConn = inject('neo4j');
const boltUrl = new URL(neo4jConn.uri);

/** Bolt carries Cypher text as plain UTF-8, so a statement is recognised by a piece of its text. */
const ENTITY_BATCH = entitiesByIdsQuery([]).cypher;
const RELATIONSHIPS_BATCH = relationshipsOfEntitiesQuery([]).cypher;
const SHORTEST_PATH = 'MATCH p = shortestPath(';
/** The start of the one statement that reads an entity with its facts and relationships. */
const ENTITY_DETAIL = 'MATCH (e:Entity {id: $id})\nCALL () { OPTIONAL MATCH (d:Dataset';

type Gql = Awaited<ReturnType<typeof gql>>['body'];
const codes = (body: Gql) => (body.errors ?? []).map((e) => e.extensions?.code);
const paths = (body: Gql) => (body.errors ?? []).map((e) => ((e as { path?: (string | number)[] }).path ?? []).join('.'));

describe.skipIf(!/^(bolt|neo4j):$/.test(boltUrl.protocol))('GraphQL over a Neo4j that fails part-way', () => {
  let relay: BoltRelay;
  let server: RunningServer;

  beforeAll(async () => {
    const db = testExecutor(60_000);
    await withRealDataset(db);
    await db.close();
    relay = new BoltRelay(await freePort(), boltUrl);
    await relay.up();
    // Longer than any stall below: only the relay decides what fails.
    server = await startTestServer({ QUERY_TIMEOUT_MS: '30000' }, { connection: { ...neo4jConn, uri: `bolt://127.0.0.1:${relay.port}` } });
  });
  afterAll(async () => {
    await server?.close();
    await relay?.down();
  });

  /** Runs a query with the relay's rules in force, and the statements the server started meanwhile. */
  async function during(setup: (r: BoltRelay) => void, query: string): Promise<{ body: Gql; started: string[] }> {
    const started: string[] = [];
    const stop = server.db.onStatement((s: CypherStatement) => started.push(s.cypher));
    setup(relay);
    try {
      return { body: (await gql(server.url, query)).body, started };
    } finally {
      relay.clear();
      stop();
    }
  }

  it('a typed relationship field whose entity lookup fails says SERVICE_UNAVAILABLE, not []', async () => {
    // The neighborhood primes deepseek itself; its models are looked up by the entity batch that fails.
    const { body } = await during((r) => r.kill(ENTITY_BATCH), '{ neighborhood(id: "deepseek", limit: 1) { nodes { id ... on Company { models { id } } } } }');
    expect(codes(body)).toContain('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(body)).not.toMatch(/"models":\[\]/);
  });

  // Episode.speakers now come with the episode, cached per dataset fingerprint (no lookup of their own to
  // fail); a failing entity lookup is covered by the typed-field case above.

  it('shortestPath says SERVICE_UNAVAILABLE when its statement fails, NOT_FOUND only for a missing end', async () => {
    const failed = await during((r) => r.kill(SHORTEST_PATH), '{ shortestPath(from: "asml", to: "deepseek") { nodes { id } } }');
    expect(codes(failed.body)).toEqual(['SERVICE_UNAVAILABLE']);
    const missing = await gql(server.url, '{ shortestPath(from: "asml", to: "no-such-entity") { nodes { id } } }');
    expect(codes(missing.body)).toEqual(['NOT_FOUND']);
    expect(missing.body.errors?.[0]?.message).toMatch(/no-such-entity/);
    const found = await gql(server.url, '{ shortestPath(from: "asml", to: "deepseek") { nodes { id } } }');
    expect(found.body.errors).toBeUndefined();
    expect(found.body.data?.shortestPath.nodes.length).toBeGreaterThan(1);
  });

  it('after one field finds Neo4j gone, its siblings start no further statements and say the same', async () => {
    // shortestPath fails after the driver's retries (~3 s); meanwhile nvidia's own statement (the entity
    // with its relationships and their ends) is held for 8 s, so the targets' relationships would be
    // asked for only after that failure.
    const query = `{
      shortestPath(from: "asml", to: "deepseek") { nodes { id } }
      entity(id: "nvidia") { relationships { target { id relationships { id } } } }
    }`;
    const { body, started } = await during((r) => {
      r.kill(SHORTEST_PATH);
      r.stall(ENTITY_DETAIL, 8000);
    }, query);
    expect(new Set(codes(body))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    const roots = paths(body).map((p) => p.split('.')[0]);
    expect(new Set(roots)).toEqual(new Set(['shortestPath', 'entity']));
    // nvidia's statement ran; the targets' relationships batch was never started.
    expect(started.filter((c) => c.startsWith(ENTITY_DETAIL))).toHaveLength(1);
    expect(started.filter((c) => c === RELATIONSHIPS_BATCH)).toHaveLength(0);
  }, 60_000);

  it('the same request with Neo4j healthy answers in full: nothing is left refusing', async () => {
    const { body } = await gql(
      server.url,
      '{ shortestPath(from: "asml", to: "deepseek") { nodes { id } } entity(id: "nvidia") { relationships { target { id relationships { id } } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.entity.relationships.length).toBeGreaterThan(5);
  });
});

describe('layout queue over GraphQL', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ QUERY_TIMEOUT_MS: '5000' });
  });
  afterAll(() => server?.close());

  const views = ['[COMPANY]', '[MODEL]', '[CHIP]', '[PERSON]', '[COMPANY, MODEL]', '[COMPANY, CHIP]', '[MODEL, CHIP]', '[PERSON, COMPANY]'];
  const query = `{ ${views.map((k, i) => `v${i}: graph(kinds: ${k}) { positionsStatus positions { id } }`).join(' ')} }`;
  type View = { positionsStatus: string; positions: { id: string }[] | null };

  it('says READY for the warmed whole graph, refuses what does not fit in the queue, and lays it out when asked again', async () => {
    // Warmed at start-up, which waits for it a few seconds at most: on a busy machine it may still run.
    const whole = async () => ((await gql(server.url, '{ graph { positionsStatus positions { id } } }')).body.data?.graph ?? {}) as View;
    await expect.poll(async () => (await whole()).positionsStatus, { timeout: 60_000, interval: 500 }).toBe('READY');
    expect((await whole()).positions!.length).toBeGreaterThan(250);

    const first = Object.values((await gql(server.url, query)).body.data ?? {}) as View[];
    const statuses = first.map((v) => v.positionsStatus);
    // Eight distinct graphs: one runs, four wait, the rest are refused. The fields are resolved one
    // after another, so a layout that finishes in between frees a place that a later field takes: at
    // most one more PENDING than the queue holds at any instant.
    expect(statuses.filter((s) => s === 'REFUSED_QUEUE_FULL').length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 'PENDING').length).toBeLessThanOrEqual(6);
    for (const v of first) expect(v.positions === null).toBe(v.positionsStatus !== 'READY');

    await expect
      .poll(async () => (Object.values((await gql(server.url, query)).body.data ?? {}) as View[]).map((v) => v.positionsStatus), {
        timeout: 60_000,
        interval: 500,
      })
      .toEqual(views.map(() => 'READY'));
  }, 90_000);
});

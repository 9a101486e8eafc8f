// The read-only console cannot change anything: every write form is refused and the graph's
// nodes, relationships, labels, properties and indexes are exactly as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { fingerprint, testExecutor, withRealDataset } from '../support/db.js';
import { startTestServer } from '../support/server.js';

const db = testExecutor(60_000);
let server: RunningServer;
let before: Record<string, unknown>;

beforeAll(async () => {
  await withRealDataset(db);
  server = await startTestServer({ QUERY_TIMEOUT_MS: '1500', CONSOLE_ROW_CAP: '100' });
  before = await fingerprint(db);
});
afterAll(async () => {
  await server?.close();
  await db.close();
});

async function run(query: string, params: Record<string, unknown> = {}) {
  const res = await fetch(`${server.url}/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, params }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('POST /cypher', () => {
  it('runs a read and returns rows, columns and a graph of the nodes found', async () => {
    const { status, body } = await run(
      "MATCH (c:Company {id: $id})-[r:DESIGNS]->(chip:Chip) RETURN c, r, chip ORDER BY chip.name LIMIT 5",
      { id: 'nvidia' },
    );
    expect(status).toBe(200);
    expect(body.columns).toEqual(['c', 'r', 'chip']);
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.truncated).toBe(false);
    expect(body.graph.nodes.map((n: { id: string }) => n.id)).toContain('nvidia');
    expect(body.graph.edges[0]).toMatchObject({ type: 'DESIGNS', source: 'nvidia' });
  });

  it('caps a huge result and says it was truncated', async () => {
    const { status, body } = await run('UNWIND range(1, 1000000) AS i RETURN i');
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(100);
    expect(body.truncated).toBe(true);
  });

  it('stops a runaway query with the timeout', async () => {
    const { status, body } = await run("MATCH (a), (b), (c) WHERE a.name + b.name + c.name = 'never' RETURN count(*) AS n");
    expect(status).toBe(400);
    expect(body.error.code).toBe('QUERY_TIMEOUT');
  });

  it('answers a syntax error with Neo4j\'s message', async () => {
    const { status, body } = await run('MATCH (n RETURN n');
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_USER_INPUT');
    expect(body.error.message).toMatch(/Invalid input|expected/i);
  });

  it.each([
    'CREATE (:Hacked {x: 1})',
    "MERGE (e:Entity {id: 'nvidia'}) SET e.name = 'pwned'",
    "MATCH (e:Entity {id: 'nvidia'}) SET e.name = 'pwned'",
    'MATCH (e:Entity) DETACH DELETE e',
    "MATCH (e:Entity {id: 'nvidia'}) REMOVE e.name",
    "MATCH (e:Entity {id: 'nvidia'}) REMOVE e:Company",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    'CALL dbms.components()',
    "CALL db.createLabel('Hacked')",
    "CALL db.createProperty('hacked')",
    'MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS OF 10 ROWS',
    'CREATE INDEX hacked IF NOT EXISTS FOR (n:Entity) ON (n.hacked)',
    'DROP INDEX entity_kind',
    'DROP CONSTRAINT entity_id',
    'USE system SHOW USERS',
    'SHOW DATABASES',
    'CREATE DATABASE hacked',
    'MATCH (n) RETURN n; CREATE (:Hacked)',
    'MATCH (n) FOREACH (x IN [1] | SET n.hacked = x)',
    "CALL db.index.fulltext.drop('entity_search')",
    "CALL apoc.cypher.runWrite('CREATE (:Hacked)', {})",
    'cReAtE (:Hacked)',
    "MATCH (n:Entity {id: 'nvidia'}) WITH n /* RETURN */ SET n.hacked = true RETURN n",
  ])('refuses %s and changes nothing', async (query) => {
    const { status, body } = await run(query);
    expect(status).toBe(400);
    expect(['READ_ONLY', 'BAD_USER_INPUT']).toContain(body.error.code);
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(await fingerprint(db)).toEqual(before);
  });

  it('rejects a body that is not {query, params}', async () => {
    const res = await fetch(`${server.url}/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    expect(res.status).toBe(400);
    const bad = await run('RETURN 1', 'nope' as never);
    expect(bad.status).toBe(400);
  });
});

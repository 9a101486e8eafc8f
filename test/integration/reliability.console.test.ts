// Issue 8, the fast half (the slow half is test/soak, `npm run test:soak`): the Cypher console writes nothing and nothing runs away.
// Every case runs against the real Neo4j of the run (test/support/reliability.ts).
import { describe, expect, it } from 'vitest';
import { ALLOWED_PROCEDURES } from '../../server/console/guard.js';
import { fingerprint } from '../support/db.js';
import { before, db, postCypher, server, sleep, useReliabilityServer } from '../support/reliability.js';

useReliabilityServer();

describe('Cypher console: nothing gets written, nothing runs away', () => {
  it('refuses every procedure that is not on the read-only allowlist, and the allowlist is all READ', async () => {
    const procs = (await db.read({ cypher: 'SHOW PROCEDURES YIELD name, mode RETURN name, mode', params: {} })) as { name: string; mode: string }[];
    expect(procs.length).toBeGreaterThan(20);
    for (const p of procs.filter((p) => ALLOWED_PROCEDURES.has(p.name.toLowerCase()))) expect(p.mode).toBe('READ');
    const refused = procs.filter((p) => !ALLOWED_PROCEDURES.has(p.name.toLowerCase()));
    expect(refused.some((p) => p.mode !== 'READ')).toBe(true);
    for (const { name } of refused) {
      for (const query of [`CALL ${name}()`, `call\n\t${name.toUpperCase()}()`, `CALL \`${name}\`()`, `CALL /* db.labels */ ${name}() YIELD *`]) {
        const a = await postCypher(server.url, query);
        expect({ query, status: a.status, code: a.code }).toEqual({ query, status: 400, code: 'READ_ONLY' });
      }
    }
    expect(await fingerprint(db)).toEqual(before);
  });

  it.each([
    'CALL { CREATE (n:Hacked) RETURN n } RETURN n',
    'CALL () { MATCH (e:Entity) DETACH DELETE e }',
    "MATCH (e:Entity {id: 'nvidia'}) SET e += {name: 'pwned'}",
    "MATCH (e:Entity {id: 'nvidia'}) SET e = {}",
    "MATCH (e:Entity {id: 'nvidia'}) SET e:Hacked",
    "MERGE (e:Entity {id: 'nvidia'}) ON MATCH SET e.name = 'pwned'",
    "MATCH (a:Entity {id: 'nvidia'}), (b:Entity {id: 'tsmc'}) CREATE (a)-[:HACKED]->(b)",
    "OPTIONAL MATCH (e:Entity {id: 'nvidia'}) DETACH DELETE e",
    'UNWIND range(1, 10) AS i CREATE (:Hacked {i: i})',
    'MATCH ()-[r]->() DELETE r',
    'MATCH (e:Entity) WITH e LIMIT 1 REMOVE e.id',
    'ＣＲＥＡＴＥ (:Hacked)',
    'MATCH (n)\nSET\tn.x = 1',
    'match (n) detach\ndelete n',
    'CREATE/* */(:Hacked)',
    "RETURN 'CREATE' AS s; CREATE (:Hacked)",
    'RETURN 1 // a comment\n;\nCREATE (:Hacked)',
    "CALL db.labels() YIELD label CALL db.createLabel(label + 'X') RETURN label",
    "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row CREATE (:Hacked)",
    'EXPLAIN CREATE (:Hacked)',
    'PROFILE MATCH (n) SET n.x = 1',
    'CYPHER runtime=slotted CREATE (:Hacked)',
    'CYPHER 5 MATCH (n) DETACH DELETE n',
    'CREATE CONSTRAINT hacked FOR (n:Hacked) REQUIRE n.id IS UNIQUE',
    'CREATE FULLTEXT INDEX hacked FOR (n:Entity) ON EACH [n.name]',
    'DROP INDEX entity_search IF EXISTS',
    "CREATE USER hacker SET PASSWORD 'secret-secret'",
    "ALTER USER neo4j SET PASSWORD 'pwned-pwned'",
    'CREATE ROLE hacker',
    'GRANT ROLE admin TO neo4j',
    'DENY READ {*} ON GRAPH * TO PUBLIC',
    'REVOKE ROLE admin FROM neo4j',
    'STOP DATABASE neo4j',
    'START DATABASE neo4j',
    'DROP DATABASE neo4j',
    'ALTER DATABASE neo4j SET ACCESS READ ONLY',
    'CREATE ALIAS hacked FOR DATABASE neo4j',
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    'SHOW TRANSACTIONS',
    'SHOW SETTINGS',
    "ENABLE SERVER 'x'",
    "DEALLOCATE DATABASES FROM SERVER 'x'",
    'USE neo4j MATCH (n) DETACH DELETE n',
  ])('refuses %s', async (query) => {
    const a = await postCypher(server.url, query);
    expect(a.status).toBe(400);
    expect(['READ_ONLY', 'BAD_USER_INPUT']).toContain(a.code);
  });

  it('refuses a query longer than the guard reads, whatever it hides at the end', async () => {
    const a = await postCypher(server.url, `MATCH (n) RETURN n ${'/* padding */ '.repeat(1600)} CREATE (:Hacked)`);
    expect({ status: a.status, code: a.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
  });

  /** Transactions Neo4j still lists as running or terminating, other than this probe itself. */
  async function lingering(text: string): Promise<unknown[]> {
    const rows = await db.read({ cypher: 'SHOW TRANSACTIONS YIELD currentQuery, status RETURN currentQuery, status', params: {} });
    return rows.filter((r) => String(r.currentQuery).includes(text));
  }
  async function settles(text: string): Promise<unknown[]> {
    let left = await lingering(text);
    for (let i = 0; i < 20 && left.length > 0; i++) {
      await sleep(500);
      left = await lingering(text);
    }
    return left;
  }

  it('cuts a runaway cartesian product with the timeout, and Neo4j is not left running it', async () => {
    const marker = `runaway-${Date.now()}`;
    // The 5 s query timeout plus slack for a busy machine.
    const a = await postCypher(server.url, `MATCH (a), (b), (c) WHERE a.name + b.name + c.name = '${marker}' RETURN count(*) AS n`, {}, 15_000);
    expect(a.status).toBe(400);
    expect(a.code).toBe('QUERY_TIMEOUT');
    expect(await settles(marker)).toEqual([]);
  });

  it('caps a 65-million-row cartesian result at the row cap, closes its transaction, and stays within memory', async () => {
    const rss0 = process.memoryUsage().rss;
    const marker = `rows-${Date.now()}`;
    const a = await postCypher(server.url, `MATCH (a:Entity), (b:Entity), (c:Entity) RETURN a.id, b.id, c.id, '${marker}' AS m`);
    expect(a.status).toBe(200);
    expect(a.json.rows).toHaveLength(1000);
    expect(a.json.truncated).toBe(true);
    expect(await settles(marker)).toEqual([]);
    expect((process.memoryUsage().rss - rss0) / (1 << 20)).toBeLessThan(100);
  });

  it('leaves node, relationship, label, property, index and constraint counts exactly as they were', async () => {
    expect(await fingerprint(db)).toEqual(before);
  });
});

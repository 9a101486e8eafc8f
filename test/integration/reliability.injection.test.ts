// Issue 8, the fast half (the slow half is test/soak, `npm run test:soak`): injection is data.
// Every case runs against the real Neo4j of the run (test/support/reliability.ts).
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../support/db.js';
import { gql } from '../support/server.js';
import { before, db, postCypher, server, useReliabilityServer } from '../support/reliability.js';

useReliabilityServer();

describe('injection: quotes, backticks, Cypher and Lucene fragments, Unicode tricks are data', () => {
  const hostile = [
    "nvidia' OR 1=1 //",
    'nvidia" OR "1"="1',
    "nvidia'}) MATCH (n) DETACH DELETE n //",
    '`Entity`) DETACH DELETE n //',
    '$id',
    '{id}',
    'nvidia\\',
    '*:*',
    'name:/.*/',
    'nvidia~ AND tsmc^100 OR (x',
    '[a TO z]',
    '\u0000nvidia',
    'nvidia\u200b',
    '\u202envidia',
    'ｎｖｉｄｉａ',
    'nvidiа', // the last letter is Cyrillic
    'n\u0301vidia',
    '\ud800',
    '🙂🙂🙂',
    'x'.repeat(200),
  ];

  it.each(hostile)('id %j finds nothing and breaks nothing', async (id) => {
    const { status, body } = await gql(
      server.url,
      `query($id: ID!, $s: String) {
        entity(id: $id) { id }
        relationship(id: $id) { id }
        facts(subject: $id) { id }
        m: facts(metric: $s) { id }
      }`,
      { id, s: id },
    );
    expect(status).toBe(200);
    for (const e of body.errors ?? []) expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(e.extensions?.code);
    expect(body.data?.entity ?? null).toBeNull();
    expect(body.data?.relationship ?? null).toBeNull();
    expect(body.data?.facts ?? []).toEqual([]);
    expect(body.data?.m ?? []).toEqual([]);
  });

  it.each(hostile)('search, paths, neighborhoods and cursors take %j as text', async (text) => {
    const cursor = Buffer.from(`e:${text}`).toString('base64url');
    const answers = await Promise.all(
      (
        [
          ['query($t: String!) { search(text: $t) { entity { id } } }', { t: text }],
          ['query($t: ID!) { shortestPath(from: $t, to: "nvidia") { nodes { id } } }', { t: text }],
          ['query($t: ID!) { neighborhood(id: $t) { nodes { id } } }', { t: text }],
          ['query($c: String) { entities(first: 2, after: $c) { nodes { id } } }', { c: cursor }],
          ['query($t: [String!]) { neighborhood(id: "nvidia", relationshipTypes: $t) { nodes { id } } }', { t: [text] }],
          ['query($t: String) { graph(asOf: $t) { nodes { id } } }', { t: text }],
        ] as const
      ).map(([query, variables]) => gql(server.url, query, variables)),
    );
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      for (const e of body.errors ?? []) expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(e.extensions?.code);
    }
  });

  it('console parameters are data too', async () => {
    for (const id of hostile) {
      const a = await postCypher(server.url, 'MATCH (e:Entity) WHERE e.id = $id OR e.name = $id RETURN e.id AS id', { id });
      expect(a.status).toBe(200);
      expect(a.json.rows).toEqual([]);
    }
  });

  it('nothing changed in the graph', async () => {
    expect(await fingerprint(db)).toEqual(before);
  });
});

// Issue 8, the fast half (the slow half is test/soak, `npm run test:soak`): hostile GraphQL is refused with a code.
// Every case runs against the real Neo4j of the run (test/support/reliability.ts).
import { describe, expect, it } from 'vitest';
import { gql } from '../support/server.js';
import { postGraphql, send, server, useReliabilityServer } from '../support/reliability.js';

useReliabilityServer();

describe('hostile GraphQL is refused with a code, quickly, with memory bounded', () => {
  let nested = 'id';
  for (let i = 0; i < 20; i++) nested = `relationships { source { ${nested} } }`;
  const fanOut = Array.from({ length: 30 }, (_, i) =>
    `fragment F${i} on Query { ${i < 29 ? `...F${i + 1} ...F${i + 1}` : 'stats { entities }'} }`,
  ).join(' ');
  const q = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
  const MB = 1 << 20;

  // [name, raw body, HTTP status, code]
  const cases: [string, string, number, string][] = [
    ['depth 20', q(`{ entity(id: "nvidia") { ${nested} } }`), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['1,000 aliases of a database field', q(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: stats { entities }`).join(' ')} }`), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['1,000 aliases of __typename', q(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['entities(first: 2^31-1)', q('{ entities(first: 2147483647) { nodes { id } } }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['entities(first) beyond 32 bits', q('{ entities(first: 99999999999999) { nodes { id } } }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['entities(first) from a variable', q('query($n: Int) { entities(first: $n) { nodes { id } } }', { n: 2147483647 }), 200, 'BAD_USER_INPUT'],
    ['search(first: 1,000,000)', q('{ search(text: "a", first: 1000000) { score } }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['neighborhood(depth: 3, limit: 2^31-1)', q('{ neighborhood(id: "nvidia", depth: 3, limit: 2147483647) { nodes { id } } }'), 200, 'BAD_USER_INPUT'],
    ['graph(limit: 2^31-1)', q('{ graph(limit: 2147483647) { nodes { id } } }'), 200, 'BAD_USER_INPUT'],
    ['facts(first: 2^31-1)', q('{ facts(first: 2147483647) { id } }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['relationships(first: 2^31-1)', q('{ entity(id: "nvidia") { relationships(first: 2147483647) { id } } }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['shortestPath(maxLength: 2^31-1)', q('{ shortestPath(from: "asml", to: "deepseek", maxLength: 2147483647) { nodes { id } } }'), 200, 'BAD_USER_INPUT'],
    ['negative first', q('{ entities(first: -1) { nodes { id } } }'), 200, 'BAD_USER_INPUT'],
    ['fragment cycle A -> B -> A', q('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['fragment cycle through nested fields', q('query { entity(id: "nvidia") { ...E } } fragment E on Entity { relationships { source { ...F } } } fragment F on Entity { relationships { target { ...E } } }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['fragment spreading itself', q('query { ...A } fragment A on Query { stats { entities } ...A }'), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['fragment fan-out (2^30 expansions, no cycle)', q(`query { ...F0 } ${fanOut}`), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['1 MB string variable', q('query($t: String!) { search(text: $t) { score } }', { t: 'x'.repeat(MB) }), 413, 'PAYLOAD_TOO_LARGE'],
    ['1 MB query text', q(`{ search(text: "${'x'.repeat(MB)}") { score } }`), 413, 'PAYLOAD_TOO_LARGE'],
    ['200 KB string under the body limit', q('query($t: String!) { search(text: $t) { score } }', { t: 'y'.repeat(200_000) }), 200, 'BAD_USER_INPUT'],
    ['200 KB id', q('query($t: ID!) { entity(id: $t) { id } }', { t: 'z'.repeat(200_000) }), 200, 'BAD_USER_INPUT'],
    ['500 directives', q(`{ stats ${'@skip(if: false) '.repeat(500)} { entities } }`), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['5,000 tokens', q(`{ stats { ${'entities '.repeat(5000)} } }`), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['list literal nested 5,000 deep', q(`{ search(text: "a", kinds: ${'['.repeat(5000)}${']'.repeat(5000)}) { score } }`), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['list variable nested 10,000 deep', `{"query":"query($k: [EntityKind!]) { search(text: \\"a\\", kinds: $k) { score } }","variables":{"k":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`, 400, 'BAD_USER_INPUT'],
    ['malformed JSON', '{"query": ', 400, 'BAD_REQUEST'],
    ['not JSON at all', 'query { stats { entities } }', 400, 'BAD_REQUEST'],
    ['JSON null', 'null', 400, 'BAD_REQUEST'],
    ['query is a number', '{"query": 42}', 400, 'BAD_REQUEST'],
    ['batched array of 2', JSON.stringify([{ query: '{ stats { entities } }' }, { query: '{ stats { entities } }' }]), 400, 'BAD_REQUEST'],
    ['batched array of 1,000', JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ stats { entities } }' }))), 400, 'BAD_REQUEST'],
  ];

  it.each(cases)('%s', async (_name, body, status, code) => {
    const a = await postGraphql(server.url, body);
    expect({ status: a.status, code: a.code }).toEqual({ status, code });
    expect(a.text.length).toBeLessThan(2000);
    expect(a.text).not.toMatch(/stacktrace|node_modules|\bat [\w.<>]+ \(/);
  });

  it('a 1 MB query in a GET URL is cut by the HTTP parser (431), and the server keeps answering', async () => {
    const a = await send(`${server.url}/graphql?query=${'x'.repeat(MB)}`);
    expect(a.status).toBe(431);
    expect((await send(`${server.url}/health`)).status).toBe(200);
  });

  it('all of the above, five times over, leaves resident memory within 150 MB of where it started', async () => {
    const rss0 = process.memoryUsage().rss;
    for (let round = 0; round < 5; round++) await Promise.all(cases.map(([, body]) => postGraphql(server.url, body)));
    const grownMb = (process.memoryUsage().rss - rss0) / MB;
    expect(grownMb).toBeLessThan(150);
    const ok = await gql(server.url, '{ stats { entities } }');
    expect(ok.body.data?.stats.entities).toBeGreaterThan(250);
  });
});

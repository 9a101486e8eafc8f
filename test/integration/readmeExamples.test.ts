// The README's GraphQL examples, pasted as a reader would: each one answers without errors, and where the
// README states the answer exactly (the path, the graph's counts), the server gives that answer.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { gql, startSeededServer } from '../support/server.js';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## GraphQL examples'), readme.indexOf('\n## ', readme.indexOf('## GraphQL examples') + 1));
/** Each example's query and the "→" line the README gives as its answer. */
const examples = [...section.matchAll(/```graphql\n([\s\S]*?)```\n\s*(→[^\n]*)?/g)].map((m) => ({ query: m[1]!.trim(), said: m[2] ?? '' }));

let server: RunningServer;
beforeAll(async () => {
  server = await startSeededServer();
});
afterAll(() => server?.close());

const answer = async (query: string) => {
  const { status, body } = await gql(server.url, query, {});
  expect(body.errors ?? []).toEqual([]);
  expect(status).toBe(200);
  return body.data!;
};

describe('README GraphQL examples', () => {
  it('are all found', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples.map((e, i) => [i + 1, e.query] as const))('example %i answers without errors', async (_n, query) => {
    expect(Object.keys(await answer(query)).length).toBeGreaterThan(0);
  });

  it('the path the README prints is a shortest one, and each of its steps is a relationship', async () => {
    // Several paths are equally short; which one Neo4j returns depends on the store, so the README shows one of them.
    const e = examples.find((x) => x.query.includes('shortestPath'))!;
    const d = await answer(e.query);
    const served = d.shortestPath.nodes.map((n: { name: string }) => n.name as string);
    const printed = /^→ (.*?)(?:,| \()/.exec(e.said)![1]!.split(' → ');
    expect([printed.length, printed[0], printed.at(-1)]).toEqual([served.length, served[0], served.at(-1)]);
    const query = 'UNWIND $pairs AS p MATCH (a:Entity {name: p[0]})--(b:Entity {name: p[1]}) RETURN count(DISTINCT p) AS linked';
    const pairs = printed.slice(1).map((name, i) => [printed[i], name]);
    const res = await fetch(`${server.url}/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, params: { pairs } }) });
    expect(((await res.json()) as { rows: { linked: number }[] }).rows[0]!.linked).toBe(pairs.length);
  });

  it("the graph's counts are the ones the README prints", async () => {
    const e = examples.find((x) => x.query.includes('stats'))!;
    const { stats } = await answer(e.query);
    expect(e.said).toContain(`${stats.entities} entities, ${stats.relationships} relationships, ${stats.facts} facts`);
  });
});

describe('README Cypher example', () => {
  it('the inline query runs read-only in the console and finds the model it names', async () => {
    const query = /npm run cypher -- "([^"]+)"/.exec(readme)![1]!;
    const res = await fetch(`${server.url}/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, params: {} }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { model: string }[] };
    expect(body.rows.map((r) => r.model)).toContain('DeepSeek-V3');
  });
});

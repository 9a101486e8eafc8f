// "Show the query": asked for, a GraphQL answer carries the Cypher the server ran for it, exactly the
// statements the executor ran, with their parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import type { CypherStatement } from '../../core/db/executor.js';
import { startSeededServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  // This file is about what is shown, not about time limits: a loaded machine may be slow on the first query.
  server = await startSeededServer({ QUERY_TIMEOUT_MS: '30000' });
});
afterAll(() => server?.close());

interface Answer {
  data?: Record<string, any>;
  errors?: unknown[];
  extensions?: { cypher?: { cypher: string; params: Record<string, unknown> }[] };
}

async function post(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return (await res.json()) as Answer;
}

const NEIGHBORHOOD = 'query($id: ID!) { neighborhood(id: $id, depth: 1) { nodes { id name } edges { id type } } }';

describe('extensions.cypher', () => {
  it('lists the statements the executor ran for the request, in order, with their parameters', async () => {
    const ran: CypherStatement[] = [];
    const off = server.db.onStatement((s) => ran.push(s));
    let answer: Answer;
    try {
      answer = await post({ query: NEIGHBORHOOD, variables: { id: 'xai' } }, { 'x-aig-explain': '1' });
    } finally {
      off();
    }
    expect(answer.errors ?? []).toEqual([]);
    expect(answer.data!.neighborhood.nodes.length).toBeGreaterThan(1);
    const shown = answer.extensions!.cypher!;
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.map((s) => s.cypher)).toEqual(ran.map((s) => s.cypher));
    expect(JSON.stringify(shown)).toContain('"xai"');
  });

  it('is also asked for with extensions: {explain: true}, and absent otherwise', async () => {
    const asked = await post({ query: NEIGHBORHOOD, variables: { id: 'xai' }, extensions: { explain: true } });
    expect(asked.extensions?.cypher?.length).toBeGreaterThan(0);
    const plain = await post({ query: NEIGHBORHOOD, variables: { id: 'xai' } });
    expect(plain.data!.neighborhood.nodes.length).toBeGreaterThan(1);
    expect(plain.extensions?.cypher).toBeUndefined();
  });
});

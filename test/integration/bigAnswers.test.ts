// Big answers (a whole graph of thousands of nodes) are built a few at a time so that many of them at
// once cannot run the server out of memory (server/http/bigAnswers.ts). What a user must still get:
// every request answered, the same answer for everyone, and a client that gives up while waiting does
// not hold up the ones behind it. (How much memory that saves is measured by `npm run bench`.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { syntheticDataset } from '../../bench/synthetic.js';
import type { Executor } from '../../core/db/executor.js';
import { loadDataset } from '../../seed/load.js';
import { realDataset, testExecutor, withRealDataset } from '../support/db.js';
import { startTestServer } from '../support/server.js';

const GRAPH = '{ graph(limit: 5000) { truncated nodes { id name kind } edges { id type source { id } target { id } } } }';

let db: Executor;
let server: RunningServer;
beforeAll(async () => {
  db = testExecutor(120_000);
  const d = syntheticDataset(realDataset(), { entities: 1500, relationships: 3000 });
  await loadDataset(db, d);
  server = await startTestServer({}, { dataset: d });
}, 180_000);
afterAll(async () => {
  await server?.close();
  // Leave the real dataset for the next file.
  await withRealDataset(db);
  await db.close();
});

const ask = (signal?: AbortSignal) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' }, body: JSON.stringify({ query: GRAPH }), signal });

describe('big answers, many at once', () => {
  it('answers every one of 8 concurrent whole-graph requests, each the same whole answer', async () => {
    const bodies = await Promise.all(Array.from({ length: 8 }, async () => {
      const res = await ask();
      expect(res.status).toBe(200);
      return res.text();
    }));
    const first = JSON.parse(bodies[0]!) as { data: { graph: { nodes: unknown[]; edges: unknown[] } } };
    expect(first.data.graph.nodes).toHaveLength(1500);
    expect(first.data.graph.nodes.length + first.data.graph.edges.length).toBeGreaterThan(2000);
    expect(new Set(bodies).size).toBe(1);
  });

  it('goes on serving when clients give up while their answers wait', async () => {
    const quitters = Array.from({ length: 4 }, () => new AbortController());
    const given = quitters.map((c) => ask(c.signal).catch((e: Error) => e.name));
    const stayed = [ask(), ask()];
    setTimeout(() => quitters.forEach((c) => c.abort()), 20);
    await Promise.all(given);
    const answers = await Promise.all(stayed);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    // And the slots those clients held are free again: a later request is answered too.
    expect((await ask()).status).toBe(200);
  });
});

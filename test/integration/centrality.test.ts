// Centrality on the real seeded graph: written by the loader, the same on every load, documented sums,
// exposed and ordered through GraphQL, and used by the saved "choke points" analysis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { computeCentrality } from '../../seed/centrality.js';
import { loadDataset } from '../../seed/load.js';
import { listSavedQueries, mergeParams } from '../../cypher/savedQueries.js';
import { realDataset, testExecutor, withRealDataset } from '../support/db.js';
import { gql, startTestServer } from '../support/server.js';

const db = testExecutor(60_000);
let server: RunningServer;
beforeAll(async () => {
  await withRealDataset(db);
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  await db.close();
});

interface Stored {
  id: string;
  kind: string;
  pagerank: number;
  betweenness: number;
  community: number;
}
const stored = async (): Promise<Stored[]> =>
  (await db.read({
    cypher: `MATCH (e:Entity) RETURN e.id AS id, e.kind AS kind, e.pagerank AS pagerank, e.betweenness AS betweenness, e.community AS community ORDER BY id`,
    params: {},
  })) as unknown as Stored[];

const ok = async (query: string, variables: Record<string, unknown> = {}) => {
  const { status, body } = await gql(server.url, query, variables);
  expect(body.errors ?? []).toEqual([]);
  expect(status).toBe(200);
  return body.data!;
};

/** Every entity id in one order, page by page through the cursors. */
async function allInOrder(orderBy: string): Promise<{ id: string; kind: string; centrality: { pagerank: number; betweenness: number } }[]> {
  const out = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const d = await ok(
      `query($after: String) { entities(first: 100, after: $after, orderBy: ${orderBy}) {
        nodes { id kind centrality { pagerank betweenness community } } pageInfo { hasNextPage endCursor } totalCount } }`,
      { after },
    );
    out.push(...d.entities.nodes);
    if (!d.entities.pageInfo.hasNextPage) break;
    after = d.entities.pageInfo.endCursor;
  }
  return out;
}

describe('centrality stored by the loader', () => {
  it('is the same after a reset load, a load over the existing graph, and is what the documented method computes', async () => {
    const first = await stored();
    await loadDataset(db, realDataset(), { reset: true });
    const second = await stored();
    await loadDataset(db, realDataset()); // MERGE over the graph already there
    const third = await stored();
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    const expected = computeCentrality(realDataset());
    expect(first).toHaveLength(expected.size);
    for (const row of first) expect({ id: row.id, pagerank: row.pagerank, betweenness: row.betweenness, community: row.community }).toEqual({ id: row.id, ...expected.get(row.id) });
  });

  it('has PageRank summing to 1 (±1e-6) over all entities, betweenness in 0..1, integer communities from 0', async () => {
    const rows = await stored();
    const sum = rows.reduce((s, r) => s + r.pagerank, 0);
    expect(Math.abs(sum - 1)).toBeLessThan(1e-6);
    for (const r of rows) {
      expect(r.pagerank).toBeGreaterThan(0);
      expect(r.betweenness).toBeGreaterThanOrEqual(0);
      expect(r.betweenness).toBeLessThanOrEqual(1);
      expect(Number.isInteger(r.community) && r.community >= 0).toBe(true);
    }
    const communities = new Set(rows.map((r) => r.community));
    expect(Math.min(...communities)).toBe(0);
    expect(Math.max(...communities)).toBe(communities.size - 1);
  });
});

describe('entities(orderBy: ...)', () => {
  it.each(['PAGERANK', 'BETWEENNESS'])('%s pages through every entity once, descending, ties by id', async (order) => {
    const list = await allInOrder(order);
    const rows = await stored();
    expect(list.map((e) => e.id).sort()).toEqual(rows.map((r) => r.id));
    const key = order === 'PAGERANK' ? 'pagerank' : 'betweenness';
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1]!, list[i]!];
      expect(a.centrality[key] > b.centrality[key] || (a.centrality[key] === b.centrality[key] && a.id < b.id)).toBe(true);
    }
  });

  it('reports where ASML and TSMC rank (the graph decides; printed, not forced)', async () => {
    const [byPr, byBc] = [await allInOrder('PAGERANK'), await allInOrder('BETWEENNESS')];
    const rank = (list: { id: string }[], id: string) => list.findIndex((e) => e.id === id) + 1;
    const report = ['asml', 'tsmc', 'nvidia'].map((id) => `${id}: PageRank #${rank(byPr, id)}, betweenness #${rank(byBc, id)} of ${byPr.length}`);
    console.log(`centrality ranks: ${report.join('; ')}; top betweenness: ${byBc.slice(0, 10).map((e) => e.id).join(', ')}`);
    expect(rank(byPr, 'tsmc')).toBeGreaterThan(0);
    expect(rank(byBc, 'asml')).toBeGreaterThan(0);
  });

  it('filters by kind inside an order, and refuses a cursor from another order', async () => {
    const d = await ok('{ entities(kind: CHIP, first: 5, orderBy: BETWEENNESS) { nodes { kind } pageInfo { endCursor } } }');
    expect(d.entities.nodes.every((n: { kind: string }) => n.kind === 'CHIP')).toBe(true);
    const { body } = await gql(server.url, 'query($a: String) { entities(first: 5, after: $a, orderBy: PAGERANK) { nodes { id } } }', {
      a: d.entities.pageInfo.endCursor,
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('saved analysis 18: choke points', () => {
  it('lists the top betweenness entities with their kind, in the order GraphQL gives', async () => {
    const q = listSavedQueries().find((x) => x.name.startsWith('18-'))!;
    const { rows } = await db.readWithSummary({ cypher: q.cypher, params: mergeParams(q, { limit: 10 }) }, { maxRows: 100 });
    const top = (await allInOrder('BETWEENNESS')).slice(0, 10);
    const ids = rows.map((r) => (r.entity as { properties: { id: string } }).properties.id);
    expect(ids).toEqual(top.map((e) => e.id));
    expect(rows.map((r) => r.kind)).toEqual(top.map((e) => e.kind));
    expect(rows.map((r) => r.betweennessRank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

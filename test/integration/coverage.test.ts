// The data issue's targets, checked where a user meets them (GraphQL on the seeded graph): no entity
// without a relationship, the dated shares per kind with every date's source, and the DeepSeek figures
// both as the episode says them and as DeepSeek's own reports give them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { gql, startSeededServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startSeededServer({ QUERY_TIMEOUT_MS: '30000' });
});
afterAll(() => server?.close());

const ok = async (query: string) => {
  const { body } = await gql(server.url, query);
  expect(body.errors ?? []).toEqual([]);
  return body.data as Record<string, any>;
};

interface Node { id: string; kind: string; degree: number; dateClaims: { source: string; evidence: { source: string; url: string; atSeconds: number | null }[] }[] }

describe('coverage of the seeded graph', () => {
  let nodes: Node[];
  beforeAll(async () => {
    const d = await ok('{ graph(limit: 5000) { truncated nodes { id kind degree dateClaims { source evidence { source url atSeconds } } } } }');
    expect(d.graph.truncated).toBe(false);
    nodes = d.graph.nodes;
  });

  it('has no entity without a relationship', () => {
    expect(nodes.filter((n) => n.degree === 0).map((n) => n.id)).toEqual([]);
  });

  it.each([
    ['MODEL', 0.8],
    ['CHIP', 0.8],
    ['POLICY', 0.8],
    ['COMPANY', 0.6],
  ])('dates at least the target share of %s entities (%s)', (kind, share) => {
    const ofKind = nodes.filter((n) => n.kind === kind);
    const dated = ofKind.filter((n) => n.dateClaims.length > 0);
    expect(dated.length / ofKind.length).toBeGreaterThanOrEqual(share);
  });

  it('gives every date its source: a second of the episode, or a cited https page', () => {
    const claims = nodes.flatMap((n) => n.dateClaims.map((c) => ({ id: n.id, ...c })));
    expect(claims.length).toBeGreaterThan(100);
    for (const c of claims)
      for (const e of c.evidence) {
        expect(e.source, c.id).toBe(c.source);
        if (e.source === 'EPISODE') expect(e.atSeconds, c.id).not.toBeNull();
        else expect(e.url, c.id).toMatch(/^https:\/\//);
      }
  });

  it("keeps V3's and R1's parameter counts both as said in the episode and as DeepSeek's reports give them", async () => {
    const d = await ok(`{
      v3: entity(id: "deepseek-v3") { facts { metric value source } }
      r1: entity(id: "deepseek-r1") { facts { metric value source } }
    }`);
    const v3 = (d.v3.facts as { metric: string; value: number; source: string }[]).filter((f) => f.metric === 'total_parameters');
    expect(v3.map((f) => [f.source, f.value]).sort()).toEqual([['EPISODE', 600e9], ['REFERENCE', 671e9]]);
    const r1 = (d.r1.facts as { metric: string; value: number; source: string }[]).filter((f) => f.metric === 'active_parameters');
    expect(r1.map((f) => f.source)).toContain('REFERENCE');
  });
});

import { describe, expect, it } from 'vitest';
import { centralityGraph, computeCentrality } from './centrality.js';
import type { Dataset } from '../core/domain/types.js';

type Mini = Pick<Dataset, 'entities' | 'relationships'>;
const entity = (id: string) => ({ id }) as Dataset['entities'][number];
const rel = (id: string, source: string, target: string, type = 'RELATED_TO') => ({ id, source, target, type }) as Dataset['relationships'][number];

// Two triangles joined through one broker entity "hub", plus an entity with no relationship.
const twoClusters: Mini = {
  entities: ['a1', 'a2', 'a3', 'hub', 'b1', 'b2', 'b3', 'alone'].map(entity),
  relationships: [
    rel('r1', 'a1', 'a2'), rel('r2', 'a2', 'a3'), rel('r3', 'a3', 'a1'),
    rel('r4', 'b1', 'b2'), rel('r5', 'b2', 'b3'), rel('r6', 'b3', 'b1'),
    rel('r7', 'a1', 'hub'), rel('r8', 'hub', 'b1'),
  ],
};

describe('computeCentrality', () => {
  it('gives PageRank summing to 1, the alone entity included', () => {
    const c = computeCentrality(twoClusters);
    const sum = [...c.values()].reduce((s, v) => s + v.pagerank, 0);
    expect(sum).toBeCloseTo(1, 9);
    expect(c.get('alone')!.pagerank).toBeGreaterThan(0);
  });

  it('puts the broker on most shortest paths (normalised betweenness), and leaves leaves at 0', () => {
    const c = computeCentrality(twoClusters);
    // hub lies on the one shortest path of each of the 3 × 3 a-b pairs; there are (n-1)(n-2)/2 = 21 pairs of
    // other entities (n = 8, the alone entity included): 9/21.
    expect(c.get('hub')!.betweenness).toBeCloseTo(9 / 21, 12);
    const ranked = [...c.entries()].sort((x, y) => y[1].betweenness! - x[1].betweenness!).map(([id]) => id);
    expect(ranked.slice(0, 3).sort()).toEqual(['a1', 'b1', 'hub']);
    expect(c.get('a2')!.betweenness).toBe(0);
    expect(c.get('alone')!.betweenness).toBe(0);
    for (const v of c.values()) expect(v.betweenness! >= 0 && v.betweenness! <= 1).toBe(true);
  });

  it('finds the two triangles as communities, numbered largest first', () => {
    const c = computeCentrality(twoClusters);
    const a = c.get('a2')!.community;
    const b = c.get('b2')!.community;
    expect(a).not.toBe(b);
    expect(c.get('a3')!.community).toBe(a);
    expect(c.get('b3')!.community).toBe(b);
    expect(c.get('alone')!.community).toBe(Math.max(...[...c.values()].map((v) => v.community)));
  });

  it('does not depend on the order of the files', () => {
    const shuffled: Mini = { entities: [...twoClusters.entities].reverse(), relationships: [...twoClusters.relationships].reverse() };
    expect(computeCentrality(shuffled)).toEqual(computeCentrality(twoClusters));
  });

  it('counts several relationships between one pair as one edge of that weight, either direction', () => {
    const { graph: g, ids } = centralityGraph({
      entities: ['x', 'y'].map(entity),
      relationships: [rel('r1', 'x', 'y', 'SUPPLIES'), rel('r2', 'y', 'x', 'CUSTOMER_OF'), rel('r3', 'x', 'x')],
    });
    expect(g.size).toBe(1);
    expect(ids).toEqual(['x', 'y']);
    expect(g.getEdgeAttribute('0', '1', 'weight')).toBe(2);
  });
});

// The server-side layout the explorer places the whole graph with: every node gets a position, and the
// same graph always gets the same picture (visitors, screenshots and links agree).
import { describe, expect, it } from 'vitest';
import { computePositions, layoutKey, type LayoutInput } from './positions.js';

const star: LayoutInput = {
  nodes: ['nvidia', 'tsmc', 'deepseek', 'openai', 'h800'],
  edges: [
    { id: 'nvidia--DESIGNS--h800', source: 'nvidia', target: 'h800' },
    { id: 'tsmc--FABRICATES--h800', source: 'tsmc', target: 'h800' },
    { id: 'deepseek--USES--h800', source: 'deepseek', target: 'h800' },
    { id: 'openai--COMPETES_WITH--deepseek', source: 'openai', target: 'deepseek' },
  ],
};

describe('computePositions', () => {
  it('places every node, at distinct whole-pixel positions', () => {
    const p = computePositions(star);
    expect([...p.keys()].sort()).toEqual([...star.nodes].sort());
    for (const { x, y } of p.values()) expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
    expect(new Set([...p.values()].map(({ x, y }) => `${x},${y}`)).size).toBe(star.nodes.length);
  });

  it('gives the same graph the same layout every time, and leaves Math.random as it was', () => {
    const random = Math.random;
    expect([...computePositions(star)]).toEqual([...computePositions(star)]);
    expect(Math.random).toBe(random);
  });

  it('ignores edges whose ends are not in the graph', () => {
    const p = computePositions({ ...star, edges: [...star.edges, { id: 'x', source: 'nvidia', target: 'missing' }] });
    expect(p.has('missing')).toBe(false);
  });
});

describe('layoutKey', () => {
  it('depends on which nodes and edges there are, not on their order', () => {
    const shuffled = { nodes: [...star.nodes].reverse(), edges: [...star.edges].reverse() };
    expect(layoutKey(shuffled)).toBe(layoutKey(star));
    expect(layoutKey({ ...star, edges: star.edges.slice(1) })).not.toBe(layoutKey(star));
  });
});
